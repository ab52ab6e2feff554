import { actorLabel, fail, type Ack, type Actor, type Alert } from '@yichuang/protocol';
import type { CommandBus } from '../command-bus.ts';
import { stmt, type Db } from '../store/open-db.ts';
import type { AlertCondition } from './alert-rules.ts';

interface AlertRow {
  id: string;
  day: string;
  kind: Alert['kind'];
  severity: Alert['severity'];
  subject: string;
  window_id: string | null;
  message: string;
  raised_at: number;
  cleared_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  kind: r.kind,
  severity: r.severity,
  subject: r.subject,
  windowId: r.window_id,
  message: r.message,
  raisedAt: r.raised_at,
  clearedAt: r.cleared_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
});

const keyOf = (c: { kind: string; subject: string }): string => `${c.kind}:${c.subject}`;

/**
 * Turns the hall's alert conditions into alerts the manager sees until acknowledged: a new condition
 * raises one, a condition that ends clears it (it stays listed, marked as ended, until acknowledged).
 * Alerts live in their own table; an acknowledgement, being a manager's act, is also an event.
 */
export class AlertTracker {
  private readonly db: Db;
  private readonly bus: CommandBus;
  /** Condition key → the id of its open alert. */
  private readonly open = new Map<string, AlertRow>();
  private listed: Alert[] = [];

  constructor(db: Db, bus: CommandBus) {
    this.db = db;
    this.bus = bus;
    for (const r of stmt(db, 'SELECT * FROM alerts WHERE cleared_at IS NULL').all() as AlertRow[])
      this.open.set(keyOf(r), r);
    this.listed = this.load();
  }

  /** Alerts to show: every open one, and ended ones nobody acknowledged yet; critical first, newest first. */
  list(): Alert[] {
    return this.listed;
  }

  /** Compare with the conditions now; returns true when the list changed. */
  update(conditions: AlertCondition[], now: number): boolean {
    const day = this.bus.state.day;
    const seen = new Set<string>();
    let changed = false;
    for (const c of conditions) {
      const key = keyOf(c);
      seen.add(key);
      const row = this.open.get(key);
      if (row === undefined) {
        const raisedAt = c.since ?? now;
        const fresh: AlertRow = {
          id: `${key}@${raisedAt}`,
          day,
          kind: c.kind,
          severity: c.severity,
          subject: c.subject,
          window_id: c.windowId,
          message: c.message,
          raised_at: raisedAt,
          cleared_at: null,
          acknowledged_at: null,
          acknowledged_by: null,
        };
        stmt(
          this.db,
          `INSERT INTO alerts (id, day, kind, severity, subject, window_id, message, raised_at)
           VALUES (@id, @day, @kind, @severity, @subject, @window_id, @message, @raised_at)
           ON CONFLICT (id) DO UPDATE SET cleared_at = NULL`,
        ).run(fresh);
        this.open.set(key, fresh);
        changed = true;
      } else if (row.message !== c.message) {
        // The same condition in new words (more people waiting, longer offline).
        stmt(this.db, 'UPDATE alerts SET message = ? WHERE id = ?').run(c.message, row.id);
        row.message = c.message;
        changed = true;
      }
    }
    for (const [key, row] of this.open) {
      if (seen.has(key)) continue;
      stmt(this.db, 'UPDATE alerts SET cleared_at = ? WHERE id = ?').run(now, row.id);
      this.open.delete(key);
      changed = true;
    }
    if (changed) this.listed = this.load();
    return changed;
  }

  acknowledge(id: string, actor: Actor, now: number): Ack<{ alert: Alert }> {
    const row = stmt(this.db, 'SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    if (row === undefined) return { ok: false, error: fail('UNKNOWN_ALERT', '没有该告警 / unknown alert') };
    if (row.acknowledged_at === null) {
      const by = actorLabel(actor);
      const done = this.bus.recordBy(
        [{ type: 'alert:acknowledged', at: now, payload: { alertId: id, kind: row.kind, subject: row.subject } }],
        by,
        () => stmt(this.db, 'UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?').run(now, by, id),
      );
      if (done === null) return { ok: false, error: fail('INTERNAL', '保存失败，请重试 / could not save, retry') };
      row.acknowledged_at = now;
      row.acknowledged_by = by;
      const open = this.open.get(keyOf(row));
      if (open?.id === id) Object.assign(open, { acknowledged_at: now, acknowledged_by: by });
      this.listed = this.load();
    }
    return { ok: true, data: { alert: toAlert(row) } };
  }

  private load(): Alert[] {
    const rows = stmt(
      this.db,
      `SELECT * FROM alerts WHERE cleared_at IS NULL OR acknowledged_at IS NULL
       ORDER BY (severity = 'critical') DESC, raised_at DESC LIMIT 200`,
    ).all() as AlertRow[];
    return rows.map(toAlert);
  }
}
