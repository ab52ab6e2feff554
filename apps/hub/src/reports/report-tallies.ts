import type {
  DayReport,
  HallConfig,
  HourReport,
  OfficerReport,
  QueueReport,
  SignInRecord,
  WindowReport,
} from '@yichuang/protocol';
import { PauseTally, RatingTally, StatCounter, toMinutes } from './sample-stats.ts';

export class QueueTally {
  issued = 0;
  served = 0;
  noShow = 0;
  transferred = 0;
  carriedOver = 0;
  readonly wait = new StatCounter();
  readonly service = new StatCounter();
  /** Learnt from a ticket number when the queue is no longer in the config. */
  prefix = '';

  constructor(
    readonly id: string,
    readonly name: string,
  ) {}

  report(): QueueReport {
    return {
      id: this.id,
      prefix: this.prefix,
      name: this.name,
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      transferred: this.transferred,
      carriedOver: this.carriedOver,
      wait: this.wait.stat(),
      service: this.service.stat(),
    };
  }
}

export class WindowTally {
  served = 0;
  /** Matters handled at the finishes (a ticket may carry several). */
  matters = 0;
  noShow = 0;
  readonly service = new StatCounter();
  busyMs = 0;
  readonly pauses = new PauseTally();
  emptyMs = 0;
  emptyPosts = 0;
  readonly ratings = new RatingTally();

  constructor(
    readonly id: string,
    readonly name: string,
  ) {}

  report(): WindowReport {
    return {
      id: this.id,
      name: this.name,
      served: this.served,
      matters: this.matters,
      noShow: this.noShow,
      service: this.service.stat(),
      busyS: Math.round(this.busyMs / 1000),
      pauseMinutes: this.pauses.minutes(),
      emptyPostMinutes: toMinutes(this.emptyMs / 1000),
      emptyPosts: this.emptyPosts,
      ratings: this.ratings.summary(),
    };
  }
}

export class OfficerTally {
  served = 0;
  matters = 0;
  noShow = 0;
  readonly service = new StatCounter();
  readonly pauses = new PauseTally();
  readonly signIns: SignInRecord[] = [];
  readonly ratings = new RatingTally();

  constructor(
    readonly id: string,
    readonly name: string,
  ) {}

  report(): OfficerReport {
    return {
      id: this.id,
      name: this.name,
      served: this.served,
      matters: this.matters,
      noShow: this.noShow,
      service: this.service.stat(),
      pauseMinutes: this.pauses.minutes(),
      signIns: [...this.signIns],
      ratings: this.ratings.summary(),
    };
  }
}

export class HourTally {
  issued = 0;
  served = 0;
  private waitS = 0;
  private waits = 0;

  constructor(readonly hour: number) {}

  addWait(seconds: number): void {
    this.waitS += seconds;
    this.waits++;
  }

  report(): HourReport {
    const meanWaitS = this.waits === 0 ? 0 : Math.round(this.waitS / this.waits);
    return { hour: this.hour, issued: this.issued, served: this.served, meanWaitS };
  }
}

export class DayTally {
  issued = 0;
  served = 0;
  noShow = 0;

  constructor(readonly day: string) {}

  report(): DayReport {
    return { day: this.day, issued: this.issued, served: this.served, noShow: this.noShow };
  }
}

/**
 * Tallies by id: everything in the config first, in config order, so that an idle window still
 * shows up; then anything met in the events that has since left the config, named by its id.
 */
export class Registry<T> {
  private readonly byId = new Map<string, T>();

  constructor(
    initial: { id: string; name: string }[],
    private readonly make: (id: string, name: string) => T,
  ) {
    for (const x of initial) this.byId.set(x.id, make(x.id, x.name));
  }

  get(id: string): T {
    let t = this.byId.get(id);
    if (t === undefined) {
      t = this.make(id, id);
      this.byId.set(id, t);
    }
    return t;
  }

  all(): T[] {
    return [...this.byId.values()];
  }
}

export function queueRegistry(config: HallConfig): Registry<QueueTally> {
  const r = new Registry(config.queues, (id, name) => new QueueTally(id, name));
  for (const q of config.queues) r.get(q.id).prefix = q.prefix;
  return r;
}

export const windowRegistry = (config: HallConfig): Registry<WindowTally> =>
  new Registry(config.windows, (id, name) => new WindowTally(id, name));

/** Staff who work windows; a manager appears only if the events show them at one. */
export const officerRegistry = (config: HallConfig): Registry<OfficerTally> =>
  new Registry(
    config.officers.filter((o) => o.role === 'officer'),
    (id, name) => new OfficerTally(id, config.officers.find((o) => o.id === id)?.name ?? name),
  );
