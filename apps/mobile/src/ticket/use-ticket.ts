import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketViewSchema, type TicketView } from '@yichuang/protocol';
import { fetchCatalogue, type MobileCatalogue as Catalogue } from '../api/catalogue.ts';

export const POLL_MS = 5000;

export interface TicketState {
  ticket: TicketView | null;
  /** unknown: the hub has no such ticket; offline: the last poll did not get through. */
  problem: 'unknown' | 'offline' | null;
  updatedAt: number | null;
  /** Ask again now (after the citizen rated, say) rather than at the next tick. */
  refresh: () => void;
}

/** The ticket id from `/t/:ticketId`. */
export function ticketIdFromPath(pathname: string): string | null {
  const m = /^\/t\/([^/?#]+)/.exec(pathname);
  return m?.[1] === undefined ? null : decodeURIComponent(m[1]);
}

/**
 * Follows the ticket by polling `GET /api/tickets/:id` every 5 s (the page needs no login: the id is
 * enough to read the public view; a phone keeps no socket open). The answer is parsed before use.
 */
export function useTicket(id: string): TicketState {
  const [state, setState] = useState<Omit<TicketState, 'refresh'>>({ ticket: null, problem: null, updatedAt: null });
  const pollRef = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    let stopped = false;
    const poll = async (): Promise<void> => {
      try {
        const res = await fetch(`/api/tickets/${encodeURIComponent(id)}`, { cache: 'no-store' });
        if (stopped) return;
        const parsed = res.ok ? ticketViewSchema.safeParse(await res.json()) : null;
        if (stopped) return;
        if (res.status === 404) setState({ ticket: null, problem: 'unknown', updatedAt: Date.now() });
        else if (parsed?.success === true) setState({ ticket: parsed.data, problem: null, updatedAt: Date.now() });
        else setState((s) => ({ ...s, problem: 'offline' }));
      } catch {
        if (!stopped) setState((s) => ({ ...s, problem: 'offline' }));
      }
    };
    pollRef.current = poll;
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id]);
  const refresh = useCallback(() => void pollRef.current(), []);
  return { ...state, refresh };
}

/** Names of matters and windows, fetched once. */
export function useCatalogueOnce(): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    void fetchCatalogue().then(setCatalogue);
  }, []);
  return catalogue;
}
