import { describe, expect, it } from 'vitest';
import { validationText } from './validation-text.ts';

describe('the hub’s input checks in the manager’s words', () => {
  it('puts zod’s English into Chinese with the field’s Chinese name', () => {
    const cases: [string, string | undefined, string][] = [
      [
        'reason: Invalid option: expected one of "meal"|"away"|"meeting"|"other"',
        'reason',
        '原因：不是可选的值，请从列出的选项中选择',
      ],
      [
        'notices.0: Too big: expected string to have <=200 characters',
        'notices.0',
        '滚动通知：太长了：最多 200 个字符',
      ],
      [
        'plans.0.pauses.0.minutes: Too big: expected number to be <=600',
        'plans.0.pauses.0.minutes',
        '午休时长（分钟）：不能大于 600',
      ],
      ['queues: Too small: expected array to have >=1 items', 'queues', '办理的队列：至少要有一项'],
      ['level: Invalid input: expected number, received string', 'level', '评价等级：应为数字'],
      ['pin: Invalid input: expected string, received undefined', 'pin', '密码：必填'],
      ['from: Invalid ISO date', 'from', '开始时间：日期格式为 YYYY-MM-DD'],
      ['Unrecognized key: "colour"', undefined, '含有不认识的项'],
      ['mystery: Something odd happened', 'mystery', '输入不符合要求'],
    ];
    for (const [message, field, shown] of cases) expect(validationText('zh', message, field), message).toBe(shown);
  });

  it('keeps what the hub already said in Chinese, and English as it comes', () => {
    expect(validationText('zh', 'plans.1.windows.1.queues: 每个窗口至少办理一个队列', 'plans.1.windows.1.queues')).toBe(
      '每个窗口至少办理一个队列',
    );
    expect(validationText('zh', '配置无效')).toBe('配置无效');
    expect(validationText('en', 'reason: Invalid option: expected one of "meal"', 'reason')).toBe(
      'reason: Invalid option: expected one of "meal"',
    );
  });
});
