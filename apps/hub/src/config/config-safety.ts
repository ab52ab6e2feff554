import { fail, type DomainError, type HallConfig } from '@yichuang/protocol';
import type { HallState } from '@yichuang/engine';

const LIVE = new Set(['waiting', 'called', 'serving', 'carried']);

/**
 * A valid config can still be wrong for the hall as it is right now: it may not take away a queue,
 * matter or window that a live ticket or a signed-in officer still depends on.
 */
export function liveSafetyProblem(state: HallState, next: HallConfig): DomainError | null {
  const queues = new Set(next.queues.map((q) => q.id));
  const services = new Set(next.services.map((s) => s.id));
  const windows = new Map(next.windows.map((w) => [w.id, w]));
  const officers = new Set(next.officers.map((o) => o.id));
  const count = (pred: (t: { queueId: string; serviceId: string; targetWindowId: string | null }) => boolean): number =>
    [...state.tickets.values()].filter((t) => LIVE.has(t.status) && pred(t)).length;

  for (const q of state.model.config.queues) {
    if (queues.has(q.id)) continue;
    const n = count((t) => t.queueId === q.id);
    if (n > 0)
      return unsafe(`队列 ${q.name} 还有 ${n} 张未办结的号票 / queue ${q.id} still has ${n} live tickets`, 'queues');
  }
  for (const s of state.model.config.services) {
    if (services.has(s.id)) continue;
    const n = count((t) => t.serviceId === s.id);
    if (n > 0)
      return unsafe(`事项 ${s.name} 还有 ${n} 张未办结的号票 / matter ${s.id} still has ${n} live tickets`, 'services');
  }
  for (const [id, w] of state.windows) {
    const cfg = state.model.windows.get(id);
    const name = cfg?.name ?? id;
    const after = windows.get(id);
    if ((after === undefined || !after.open) && w.holder !== null)
      return unsafe(`${name} 有民警在岗，请先签退 / an officer holds window ${id}: sign out first`, 'windows');
    if (after === undefined && count((t) => t.targetWindowId === id) > 0)
      return unsafe(`${name} 是延时服务号票指定的窗口 / carried-over tickets are promised to window ${id}`, 'windows');
    if (w.holder !== null && !officers.has(w.holder.officerId))
      return unsafe(
        `${w.holder.officerId} 正在 ${name} 在岗，不能删除 / officer ${w.holder.officerId} holds a window`,
        'officers',
      );
  }
  return null;
}

function unsafe(message: string, field: string): DomainError {
  return fail('CONFIG_UNSAFE', message, field);
}
