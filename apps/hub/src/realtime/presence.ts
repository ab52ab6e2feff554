import type { ActorRole, DevicePresence, HallConfig } from '@yichuang/protocol';

interface Seen {
  sockets: number;
  since: number;
  lastSeenAt: number;
}

/**
 * Which screens are connected now, and since when: the manager's device list and its "device offline"
 * alert. A device may hold several sockets (a reload overlaps the old page's last moments).
 */
export class Presence {
  private readonly devices = new Map<string, Seen>();
  private readonly roles = new Map<ActorRole, number>();
  private readonly listeners = new Set<() => void>();
  private readonly clock: () => number;

  constructor(clock: () => number) {
    this.clock = clock;
  }

  connected(role: ActorRole, deviceId: string | null): void {
    this.roles.set(role, (this.roles.get(role) ?? 0) + 1);
    if (deviceId === null) return;
    const now = this.clock();
    const s = this.devices.get(deviceId);
    if (s === undefined || s.sockets === 0) this.devices.set(deviceId, { sockets: 1, since: now, lastSeenAt: now });
    else s.sockets++;
    this.changed();
  }

  disconnected(role: ActorRole, deviceId: string | null): void {
    this.roles.set(role, Math.max(0, (this.roles.get(role) ?? 0) - 1));
    if (deviceId === null) return;
    const s = this.devices.get(deviceId);
    if (s === undefined) return;
    const now = this.clock();
    s.sockets = Math.max(0, s.sockets - 1);
    s.lastSeenAt = now;
    if (s.sockets === 0) s.since = now;
    this.changed();
  }

  /** Connected sockets by role (for metrics). */
  byRole(): Record<string, number> {
    return Object.fromEntries(this.roles);
  }

  list(config: HallConfig): DevicePresence[] {
    return config.devices.map((d) => {
      const s = this.devices.get(d.id);
      return {
        id: d.id,
        kind: d.kind,
        printer: d.printer ?? null,
        window: d.window ?? null,
        connected: (s?.sockets ?? 0) > 0,
        since: s?.since ?? null,
        lastSeenAt: s?.lastSeenAt ?? null,
      };
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
