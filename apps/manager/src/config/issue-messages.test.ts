import { describe, expect, it } from 'vitest';
import { issueText } from './issue-messages.ts';

describe('schema messages in Chinese', () => {
  it('puts the common ones into Chinese, keeping the names they quote', () => {
    expect(issueText('zh', 'unknown queue "nowhere"')).toBe('队列「nowhere」不存在');
    expect(issueText('zh', 'unknown window "w9"')).toBe('窗口「w9」不存在');
    expect(issueText('zh', 'unknown officer "a7"')).toBe('人员「a7」不存在');
    expect(issueText('zh', 'unknown printer "p1"')).toBe('打印机「p1」不存在');
    expect(issueText('zh', 'duplicate id "cert"')).toBe('编号「cert」重复');
    expect(issueText('zh', 'duplicate prefix "A"')).toBe('号码前缀「A」重复');
    expect(issueText('zh', 'duplicate window number 2')).toBe('窗口号 2 重复');
    expect(issueText('zh', 'PIN is 4 to 8 digits')).toBe('密码为 4 到 8 位数字');
    expect(issueText('zh', 'an officer needs pin or pinHash')).toBe('新人员需要设置初始密码');
  });

  it("says what zod's own messages mean", () => {
    expect(issueText('zh', 'Too small: expected string to have >=1 characters')).toBe('必填');
    expect(issueText('zh', 'Invalid input: expected string, received undefined')).toBe('必填');
    expect(issueText('zh', 'Too big: expected string to have <=100 characters')).toBe('太长了：最多 100 个字符');
    expect(issueText('zh', 'Too big: expected number to be <=10')).toBe('不能大于 10');
    expect(issueText('zh', 'Too small: expected array to have >=1 items')).toBe('至少要有一项');
    expect(issueText('zh', 'Invalid input: expected int, received number')).toBe('应为整数');
    expect(issueText('zh', 'Invalid option: expected one of "kiosk"|"display"|"rater"')).toBe(
      '只能是以下之一："kiosk"、"display"、"rater"',
    );
  });

  it('shows anything else as it is, and English as it is', () => {
    expect(issueText('zh', 'Invalid input')).toBe('Invalid input');
    expect(issueText('zh', 'some vendor rule')).toBe('some vendor rule');
    expect(issueText('en', 'unknown queue "nowhere"')).toBe('unknown queue "nowhere"');
  });
});
