import type { HallConfig, Ticket } from '@yichuang/protocol';
import type { HallState } from '@yichuang/engine';

/**
 * What the 导办 tablet lists, derived from the hub's mirrored state (pure, for the screens and tests).
 */

export type Service = HallConfig['services'][number];

export interface Category {
  name: string;
  services: Service[];
}

/** The hall's usual order (户政 first), as at the kiosk; other categories after, as the config lists them. */
const ORDER = ['户政', '出入境', '车驾管', '证明开具', '查询', '治安'];

/** Matters by category (the matter's category, else its queue's name). */
export function categoriesOf(config: HallConfig): Category[] {
  const queueName = new Map(config.queues.map((q) => [q.id, q.name]));
  const map = new Map<string, Category>();
  for (const s of config.services) {
    const name = s.category ?? queueName.get(s.queue) ?? s.queue;
    const cat = map.get(name) ?? { name, services: [] };
    cat.services.push(s);
    map.set(name, cat);
  }
  const rank = (n: string): number => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return [...map.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

/** By pinyin initials (无犯罪记录证明 → wfzjlzm), a part of the Chinese name, or a word of the English one. */
export function searchServices(services: readonly Service[], query: string): Service[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...services];
  const score = (s: Service): number => {
    const at = (s.pinyin ?? '').toLowerCase().indexOf(q);
    if (at >= 0) return at;
    if (s.name.toLowerCase().includes(q)) return 100;
    const words = (s.nameEn ?? '').toLowerCase().split(/[^a-z0-9]+/);
    return q.length >= 2 && words.some((w) => w.startsWith(q)) ? 200 : -1;
  };
  return services
    .map((s) => ({ s, r: score(s) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.s);
}

export type WaitLevel = 'ok' | 'long' | 'over';

export interface WaitingRow {
  ticket: Ticket;
  waitedS: number;
  /** long: half of callRules.maxWaitMinutes or more; over: beyond it (the call rules already favour it). */
  level: WaitLevel;
}

/** Today's waiting tickets, the longest wait first (the people to look after first). */
export function waitingRows(state: HallState, now: number): WaitingRow[] {
  const maxS = state.model.config.callRules.maxWaitMinutes * 60;
  const rows: WaitingRow[] = [];
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting') continue;
    const waitedS = Math.max(0, Math.floor((now - t.issuedAt) / 1000));
    rows.push({ ticket: t, waitedS, level: waitedS > maxS ? 'over' : waitedS >= maxS / 2 ? 'long' : 'ok' });
  }
  return rows.sort((a, b) => b.waitedS - a.waitedS || (a.ticket.number < b.ticket.number ? -1 : 1));
}

export interface NoShowRow {
  ticket: Ticket;
  /** When it was marked no-show. */
  at: number;
  /** Whole minutes left to put it back in line (at least 1 while any time is left). */
  minutesLeft: number;
}

/** Today's no-shows that may still go back in line (callRules.reactivateMinutes), the latest first. */
export function noShowRows(state: HallState, now: number): NoShowRow[] {
  const windowMs = state.model.config.callRules.reactivateMinutes * 60_000;
  const rows: NoShowRow[] = [];
  for (const t of state.tickets.values()) {
    if (t.status !== 'no-show' || t.day !== state.day || t.finishedAt === null) continue;
    const leftMs = t.finishedAt + windowMs - now;
    if (leftMs <= 0) continue;
    rows.push({ ticket: t, at: t.finishedAt, minutesLeft: Math.ceil(leftMs / 60_000) });
  }
  return rows.sort((a, b) => b.at - a.at);
}

/** Waiting tickets per queue id. */
export function waitingByQueue(state: HallState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [queueId, lines] of state.waiting.queues)
    counts.set(queueId, lines.priority.length + lines.ordinary.length);
  return counts;
}
