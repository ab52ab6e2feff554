import { describe, expect, it } from 'vitest';
import { diffWords, issuePlace } from './issue-words.ts';

const config = {
  services: [
    { id: 'cert', name: '无犯罪记录证明', materials: ['身份证', ''] },
    { id: 'x', name: '' },
  ],
  hall: { hours: [{ days: [1], open: '09:00', close: '08:00' }] },
  roster: [{ window: 'w1', a: 'a1' }],
};

describe('issues in words', () => {
  it('names the section, the row as the manager sees it and the field', () => {
    expect(issuePlace('zh', 'services.0.queue', config)).toBe('业务事项「无犯罪记录证明」 › 所属队列');
    expect(issuePlace('zh', 'services.1.name', config)).toBe('业务事项「x」 › 事项名称');
    expect(issuePlace('zh', 'services.0.materials.1', config)).toBe('业务事项「无犯罪记录证明」 › 所需材料 › 第 2 条');
    expect(issuePlace('zh', 'hall.hours.0.close', config)).toBe('大厅与时间 › 开放时间 › 第 1 条 › 结束');
    expect(issuePlace('zh', 'roster.0.a', config)).toBe('排班「w1」 › A 角');
    expect(issuePlace('en', 'services.5.name', null)).toBe('Matters row 6 › Matter name');
  });

  it('keeps what it does not know as it is', () => {
    expect(issuePlace('zh', 'vendor.thing', config)).toBe('vendor › thing');
    expect(issuePlace('zh', '(root)', config)).toBe('');
    expect(issuePlace('zh', 'queues', config)).toBe('队列');
  });

  it('says what changed in a section', () => {
    expect(
      diffWords('zh', {
        section: 'services',
        kind: 'list',
        added: ['a'],
        removed: [],
        changed: ['b', 'c'],
        reordered: true,
      }),
    ).toBe('新增 1、修改 2、调整顺序');
    expect(diffWords('en', { section: 'hall', kind: 'object' })).toBe('edited');
  });
});
