import { useMemo } from 'react';
import type { QueueView } from '@yichuang/protocol';

export { HubProvider, useHub, useHubStore } from '@yichuang/ui';
import { useHub } from '@yichuang/ui';

/** Each queue's waiting count and estimate, recomputed whenever the mirror applies an event. */
export function useQueues(): Map<string, QueueView> {
  const version = useHub((s) => s.version);
  const connection = useHub((s) => s.connection);
  return useMemo(
    () => new Map(connection.mirror.queues(Date.now()).map((q) => [q.id, q])),
    // version is the mirror's change counter: a new value means new numbers.
    [version, connection],
  );
}

export type PrinterProblem = 'paper-out' | 'cover-open' | 'offline';

/** This kiosk's printer: undefined when none is configured, else its status. */
export function useKioskPrinter(): { id: string; status: string } | undefined {
  const viewer = useHub((s) => s.viewer);
  const printers = useHub((s) => s.printers);
  const version = useHub((s) => s.version);
  const connection = useHub((s) => s.connection);
  return useMemo(() => {
    const id = connection.mirror.config?.devices.find((d) => d.id === viewer?.id)?.printer;
    if (id === undefined) return undefined;
    return { id, status: printers.find((p) => p.id === id)?.status ?? 'unknown' };
  }, [viewer, printers, version, connection]);
}

export function printerProblem(status: string | undefined): PrinterProblem | null {
  return status === 'paper-out' || status === 'cover-open' || status === 'offline' ? status : null;
}
