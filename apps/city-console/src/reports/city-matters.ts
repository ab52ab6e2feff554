import type { HallReport, MatterReport, OutcomeCounts } from '@yichuang/protocol';

const KEYS = ['matters', 'done', 'accepted', 'acceptedPending', 'refused', 'notice'] as const;
const zero = (): OutcomeCounts => ({ matters: 0, done: 0, accepted: 0, acceptedPending: 0, refused: 0, notice: 0 });

/** Matters and outcomes over every hall: a matter's rows (by its id) added up, and the totals. */
export function cityMatters(reports: readonly HallReport[]): { matters: MatterReport[]; totals: OutcomeCounts } {
  const byId = new Map<string, MatterReport>();
  const totals = zero();
  for (const r of reports) {
    for (const k of KEYS) totals[k] += r.outcomes?.[k] ?? 0;
    for (const m of r.matters ?? []) {
      const sum = byId.get(m.id) ?? { id: m.id, name: m.name, ...zero() };
      for (const k of KEYS) sum[k] += m[k];
      byId.set(m.id, sum);
    }
  }
  return { matters: [...byId.values()], totals };
}
