import type {
  HallConfig,
  OfficerConfig,
  QueueConfig,
  RosterRole,
  ServiceConfig,
  WindowConfig,
} from '@yichuang/protocol';

/** The hall config with lookups the rules need, built once per config. */
export interface HallModel {
  config: HallConfig;
  queues: Map<string, QueueConfig>;
  services: Map<string, ServiceConfig>;
  windows: Map<string, WindowConfig>;
  officers: Map<string, OfficerConfig>;
  /** windowId → { A, B } officer ids. */
  roster: Map<string, { a: string; b: string | undefined }>;
}

export function buildModel(config: HallConfig): HallModel {
  return {
    config,
    queues: new Map(config.queues.map((q) => [q.id, q])),
    services: new Map(config.services.map((s) => [s.id, s])),
    windows: new Map(config.windows.map((w) => [w.id, w])),
    officers: new Map(config.officers.map((o) => [o.id, o])),
    roster: new Map(config.roster.map((r) => [r.window, { a: r.a, b: r.b }])),
  };
}

export function rosterRole(model: HallModel, windowId: string, officerId: string): RosterRole | null {
  const r = model.roster.get(windowId);
  if (r === undefined) return null;
  if (r.a === officerId) return 'A';
  if (r.b === officerId) return 'B';
  return null;
}

export function partnerOf(model: HallModel, windowId: string, officerId: string): string | undefined {
  const r = model.roster.get(windowId);
  if (r === undefined) return undefined;
  if (r.a === officerId) return r.b;
  if (r.b === officerId) return r.a;
  return undefined;
}

export function serves(window: WindowConfig, queueId: string): boolean {
  return window.queues === 'all' || window.queues.includes(queueId);
}

export function rosteredWindows(model: HallModel, officerId: string): { windowId: string; role: RosterRole }[] {
  const out: { windowId: string; role: RosterRole }[] = [];
  for (const [windowId, r] of model.roster) {
    if (r.a === officerId) out.push({ windowId, role: 'A' });
    else if (r.b === officerId) out.push({ windowId, role: 'B' });
  }
  return out;
}
