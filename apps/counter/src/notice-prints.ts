import { create } from 'zustand';
import type { HubConnection } from '@yichuang/client';
import type { EventEnvelope } from '@yichuang/protocol';

export type PrintOutcome = { state: 'printed'; reprint: boolean } | { state: 'failed'; status: string; error: string };

/** The latest print outcome of each notice, as the hub reports it (notice:printed / notice:print-failed). */
export const useNoticePrints = create<{ byId: Record<string, PrintOutcome> }>()(() => ({ byId: {} }));

export function followNoticePrints(connection: HubConnection): () => void {
  const listener = (events: EventEnvelope[]): void => {
    const updates: Record<string, PrintOutcome> = {};
    for (const e of events) {
      if (e.type === 'notice:printed') updates[e.payload.noticeId] = { state: 'printed', reprint: e.payload.reprint };
      else if (e.type === 'notice:print-failed')
        updates[e.payload.noticeId] = { state: 'failed', status: e.payload.status, error: e.payload.error };
    }
    if (Object.keys(updates).length > 0) useNoticePrints.setState((s) => ({ byId: { ...s.byId, ...updates } }));
  };
  connection.socket.on('hub:events', listener);
  return () => void connection.socket.off('hub:events', listener);
}
