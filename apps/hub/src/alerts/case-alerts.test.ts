import { describe, expect, it } from 'vitest';
import { parseHallConfig } from '../config-loader.ts';
import { testHallConfig } from '../../../../tests/support/test-hall.ts';
import { overdueConditions } from './case-alerts.ts';

const config = parseHallConfig(testHallConfig({ hours: 'weekdays', windows: 2 }), { pinCost: 1024 });

describe('受理件超期 alert conditions', () => {
  it('names the case, its matter and window, and counts the working days late (weekends skipped)', () => {
    // Due Friday 2026-11-27; on Tuesday 2026-12-01 it is Monday and Tuesday late.
    const [c] = overdueConditions(
      [{ id: 'c1', no: 'SL20261120-001', dueDay: '2026-11-27', windowId: 'w2' }],
      config,
      '2026-12-01',
      () => 'cert',
    );
    expect(c).toEqual({
      kind: 'case-overdue',
      severity: 'warning',
      subject: 'SL20261120-001',
      windowId: 'w2',
      message:
        '受理件 SL20261120-001（无犯罪记录证明，2号窗口）已超过办结期限 2026-11-27，逾期 2 个工作日 / case SL20261120-001 (无犯罪记录证明, window 2) is 2 working days past its due day 2026-11-27',
      since: null,
    });
  });

  it('says a case is late on the first day after its due day, even a weekend one', () => {
    const [c] = overdueConditions(
      [{ id: 'c1', no: 'SL20261120-002', dueDay: '2026-11-27', windowId: 'w1' }],
      config,
      '2026-11-28',
      () => undefined,
    );
    expect(c?.message).toContain('逾期 1 个工作日');
    expect(c?.message).toContain('（1号窗口）');
  });
});
