import { describe, expect, it } from 'vitest';
import { canonical, diffConfigs, sameValue } from './config-diff.ts';

const base = {
  hall: { id: 'h', name: '测试大厅', hours: [] },
  queues: [
    { id: 'quick', prefix: 'A', name: '小业务' },
    { id: 'long', prefix: 'B', name: '大业务' },
  ],
  services: [
    { id: 'cert', name: '无犯罪记录证明', queue: 'quick' },
    { id: 'idcard', name: '居民身份证换领', queue: 'long' },
    { id: 'passport', name: '护照', queue: 'long' },
  ],
  roster: [{ window: 'w1', a: 'a1', b: 'b1' }],
  serialDevices: [],
  callRules: { greenMaxConsecutive: 3 },
};

describe('canonical form', () => {
  it('ignores key order and members left undefined, not array order', () => {
    expect(canonical({ b: 1, a: { d: 2, c: undefined } })).toBe('{"a":{"d":2},"b":1}');
    expect(sameValue({ a: 1, fee: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});

describe('diff of two configs', () => {
  it('finds nothing between a config and a copy of it', () => {
    expect(diffConfigs(base, structuredClone(base))).toEqual([]);
  });

  it('names rows added, removed and changed by id, section by section in tab order', () => {
    const next = structuredClone(base);
    next.services.push({ id: 'residence', name: '居住证办理', queue: 'quick' });
    next.services = next.services.filter((s) => s.id !== 'passport');
    next.services[0]!.name = '无犯罪记录证明开具';
    next.queues[1]!.prefix = 'C';
    next.hall.name = '新大厅';
    expect(diffConfigs(base, next)).toEqual([
      { section: 'hall', kind: 'object' },
      {
        section: 'services',
        kind: 'list',
        added: ['居住证办理'],
        removed: ['护照'],
        changed: ['无犯罪记录证明开具'],
        reordered: false,
      },
      { section: 'queues', kind: 'list', added: [], removed: [], changed: ['大业务'], reordered: false },
    ]);
  });

  it('tells a reordering (the kiosk shows matters in order)', () => {
    const next = structuredClone(base);
    next.services.reverse();
    expect(diffConfigs(base, next)).toEqual([
      { section: 'services', kind: 'list', added: [], removed: [], changed: [], reordered: true },
    ]);
  });

  it('keys the roster by window, and still counts rows with a duplicated id', () => {
    const next = structuredClone(base);
    next.roster[0]!.b = 'b2';
    next.services.push({ id: 'cert', name: '重复', queue: 'quick' });
    const d = diffConfigs(base, next);
    expect(d.find((x) => x.section === 'roster')).toMatchObject({ changed: ['w1'] });
    expect(d.find((x) => x.section === 'services')).toMatchObject({ added: ['重复'] });
  });

  it('takes a list left out as empty, and an unknown section as an object', () => {
    const { serialDevices: _s, ...noSerial } = base;
    expect(diffConfigs(base, noSerial)).toEqual([]);
    expect(diffConfigs(base, { ...base, vendor: { x: 1 } })).toEqual([{ section: 'vendor', kind: 'object' }]);
    expect(diffConfigs(base, { ...base, callRules: { greenMaxConsecutive: 4 } })).toEqual([
      { section: 'callRules', kind: 'object' },
    ]);
  });
});
