import type { HallConfigInput } from '@yichuang/protocol';

export interface TestHallOptions {
  windows?: number;
  /** Hours: 'all-day' (default: the hall is open around the clock) or the example's weekday hours. */
  hours?: 'all-day' | 'weekdays';
  ticketsPerMinute?: number;
  oneTicketPerIdCard?: boolean;
}

/** A small hall for tests: queues A (quick) and B (long), windows w1…wN each with A/B officers. */
export function testHallConfig(opts: TestHallOptions = {}): HallConfigInput {
  const n = opts.windows ?? 4;
  const windows = Array.from({ length: n }, (_, i) => ({
    id: `w${i + 1}`,
    number: i + 1,
    name: `${i + 1}号窗口`,
    queues: i === 0 ? ('all' as const) : i % 2 === 1 ? ['quick'] : ['quick', 'long'],
    greenChannel: i === 0,
  }));
  const officers = windows.flatMap((w, i) => [
    { id: `a${i + 1}`, name: `甲${i + 1}`, role: 'officer' as const, pin: '1234' },
    { id: `b${i + 1}`, name: `乙${i + 1}`, role: 'officer' as const, pin: '5678' },
  ]);
  return {
    hall: {
      id: 'test-hall',
      name: '测试大厅',
      timezone: 'Asia/Shanghai',
      hours:
        opts.hours === 'weekdays'
          ? [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }]
          : [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
      extendedServiceMinutes: 30,
      phones: { consult: '023-00000000', complaint: '023-00000001' },
    },
    queues: [
      { id: 'quick', prefix: 'A', name: '小业务' },
      { id: 'long', prefix: 'B', name: '大业务' },
    ],
    services: [
      { id: 'cert', name: '无犯罪记录证明', queue: 'quick', materials: ['居民身份证', '申请表'] },
      { id: 'idcard', name: '居民身份证换领', queue: 'long', materials: ['居民户口簿'] },
    ],
    windows,
    officers: [
      ...officers,
      { id: 'm1', name: '王主任', role: 'manager', pin: '9999' },
      // 导办 at the entrance (issue 17): logs in like an officer, holds no window.
      { id: 'g1', name: '钱导办', role: 'guide', pin: '8642' },
    ],
    roster: windows.map((w, i) => ({ window: w.id, a: `a${i + 1}`, b: `b${i + 1}` })),
    devices: [
      { id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' },
      { id: 'kiosk-2', kind: 'kiosk', key: 'kiosk-2-secret' },
      { id: 'display-1', kind: 'display', key: 'display-1-secret' },
      { id: 'rater-1', kind: 'rater', key: 'rater-1-secret', window: 'w1' },
    ],
    printers: [],
    // Load tests drive one kiosk far faster than a person can; the rate-limit test sets its own.
    kiosk: { ticketsPerMinute: opts.ticketsPerMinute ?? 100_000, oneTicketPerIdCard: opts.oneTicketPerIdCard ?? false },
    callRules: {
      greenMaxConsecutive: 3,
      maxWaitMinutes: 60,
      maxRecalls: 3,
      defaultServiceMinutes: 5,
      appointmentEarlyMinutes: 10,
    },
    // 无犯罪记录证明 (queue A) may be booked: 30-minute slots, 3 places each, a week ahead.
    booking: {
      enabled: true,
      daysAhead: 7,
      slotMinutes: 30,
      capacity: 3,
      closeMinutesBefore: 0,
      queues: [{ queueId: 'quick', serviceIds: ['cert'] }],
    },
    // 线上取号 for queue A: 5 a day, skipped 5 minutes after the call when not confirmed in the hall.
    remote: { enabled: true, graceMinutes: 5, queues: [{ queueId: 'quick', dailyQuota: 5 }] },
  };
}
