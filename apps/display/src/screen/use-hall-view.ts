import { useMemo } from 'react';
import type { PublicHallConfig, QueueView, WindowView } from '@yichuang/protocol';
import { zoneOf } from '../display-controller.ts';
import type { DisplayParams } from '../display-params.ts';
import { useHub } from '../hub-context.tsx';

export interface HallView {
  config: PublicHallConfig;
  windows: WindowView[];
  queues: QueueView[];
  windowNumber: (windowId: string) => number | null;
  english: boolean;
}

/** This screen's windows (its zone) and the queues they serve, recomputed on every mirror change. */
export function useHallView(params: DisplayParams): HallView | null {
  const version = useHub((s) => s.version);
  const connection = useHub((s) => s.connection);
  const viewerId = useHub((s) => s.viewer?.id);
  return useMemo(() => {
    const mirror = connection.mirror;
    const config = mirror.config;
    if (config === null || !mirror.ready) return null;
    const zone = zoneOf(config, viewerId, params);
    const windows = mirror.windows().filter((w) => zone === null || zone.has(w.id));
    const served = new Set(windows.flatMap((w) => (w.queues === 'all' ? config.queues.map((q) => q.id) : w.queues)));
    const queues = mirror.queues(Date.now()).filter((q) => served.has(q.id));
    const numbers = new Map(config.windows.map((w) => [w.id, w.number]));
    return {
      config,
      windows,
      queues,
      windowNumber: (id) => numbers.get(id) ?? null,
      english: config.display.english,
    };
    // version is the mirror's change counter: a new value means a new state to read.
  }, [version, connection, viewerId, params]);
}
