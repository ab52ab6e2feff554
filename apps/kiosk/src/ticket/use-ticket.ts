import { useEffect, useState } from 'react';
import type { Catalogue, TicketView } from '@yichuang/protocol';
import { fetchCatalogue } from '../fetch-catalogue.ts';

export const POLL_MS = 5000;

export interface TicketState {
  ticket: TicketView | null;
  /** unknown: the hub has no such ticket; offline: the last poll did not get through. */
  problem: 'unknown' | 'offline' | null;
  updatedAt: number | null;
}

/** The ticket id from `/t/:ticketId`. */
export function ticketIdFromPath(pathname: string): string | null {
  const m = /^\/t\/([^/?#]+)/.exec(pathname);
  return m?.[1] === undefined ? null : decodeURIComponent(m[1]);
}

/** Polls `GET /api/tickets/:id` every 5 s (the page needs no login: the id is the capability). */
export function useTicket(id: string): TicketState {
  const [state, setState] = useState<TicketState>({ ticket: null, problem: null, updatedAt: null });
  useEffect(() => {
    let stopped = false;
    const poll = async (): Promise<void> => {
      try {
        const res = await fetch(`/api/tickets/${encodeURIComponent(id)}`, { cache: 'no-store' });
        if (stopped) return;
        if (res.status === 404) setState({ ticket: null, problem: 'unknown', updatedAt: Date.now() });
        else if (res.ok) setState({ ticket: (await res.json()) as TicketView, problem: null, updatedAt: Date.now() });
        else setState((s) => ({ ...s, problem: 'offline' }));
      } catch {
        if (!stopped) setState((s) => ({ ...s, problem: 'offline' }));
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id]);
  return state;
}

/** Names of matters and windows, fetched once. */
export function useCatalogueOnce(): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    void fetchCatalogue().then(setCatalogue);
  }, []);
  return catalogue;
}
