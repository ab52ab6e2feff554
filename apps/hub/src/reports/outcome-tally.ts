import type { EventPayload, HallConfig, MatterOutcome, MatterReport, OutcomeCounts } from '@yichuang/protocol';

const field: Record<MatterOutcome, Exclude<keyof OutcomeCounts, 'matters'>> = {
  done: 'done',
  accepted: 'accepted',
  'accepted-pending': 'acceptedPending',
  refused: 'refused',
  notice: 'notice',
};

const zero = (): OutcomeCounts => ({ matters: 0, done: 0, accepted: 0, acceptedPending: 0, refused: 0, notice: 0 });

/**
 * Matters and outcomes of finished tickets: the hall's totals and one row per matter of the catalogue
 * (plus any matter seen in the log but no longer configured). A finish without matters (older logs,
 * or the counter's one-tap 办结) counts its ticket's own matter as done.
 */
export class OutcomeTally {
  private readonly totals = zero();
  private readonly byMatter = new Map<string, OutcomeCounts>();
  private readonly names: Map<string, string>;

  constructor(config: HallConfig) {
    this.names = new Map(config.services.map((s) => [s.id, s.name]));
    for (const s of config.services) this.byMatter.set(s.id, zero());
  }

  /** Returns how many matters the finish carried (for the window's and officer's counts). */
  finished(p: EventPayload<'ticket:finished'>, ownService: string | undefined): number {
    const matters: { serviceId: string; outcome: MatterOutcome }[] =
      (p.matters ?? []).length > 0
        ? p.matters
        : ownService === undefined
          ? []
          : [{ serviceId: ownService, outcome: 'done' }];
    for (const m of matters) {
      let row = this.byMatter.get(m.serviceId);
      if (row === undefined) this.byMatter.set(m.serviceId, (row = zero()));
      for (const c of [row, this.totals]) {
        c.matters++;
        c[field[m.outcome]]++;
      }
    }
    return matters.length;
  }

  outcomes(): OutcomeCounts {
    return { ...this.totals };
  }

  matters(): MatterReport[] {
    return [...this.byMatter].map(([id, c]) => ({ id, name: this.names.get(id) ?? id, ...c }));
  }
}
