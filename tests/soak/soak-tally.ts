/** What the soak's clients know from the hub's answers alone: their own count of the day. */
export interface Tally {
  issued: Map<string, { number: string; queueId: string }>;
  calls: { ticketId: string; windowId: string }[];
  served: Set<string>;
  noShows: Set<string>;
  transfers: number;
  ratings: number[];
  notices: string[];
  pauses: number;
  handovers: number;
  refusals: Map<string, number>;
  issue: (t: { id: string; number: string; queueId: string }) => void;
  call: (ticketId: string, windowId: string) => void;
  serve: (ticketId: string, officerId: string) => void;
  noShow: (ticketId: string) => void;
  transfer: (ticketId: string) => void;
  rate: (level: number) => void;
  refused: (what: string) => void;
}

export function emptyTally(): Tally {
  const t: Tally = {
    issued: new Map(),
    calls: [],
    served: new Set(),
    noShows: new Set(),
    transfers: 0,
    ratings: [],
    notices: [],
    pauses: 0,
    handovers: 0,
    refusals: new Map(),
    // A retried request answers with the first result: counting by ticket id keeps it once.
    issue: (x) => void t.issued.set(x.id, { number: x.number, queueId: x.queueId }),
    call: (ticketId, windowId) => void t.calls.push({ ticketId, windowId }),
    serve: (ticketId) => void t.served.add(ticketId),
    noShow: (ticketId) => void t.noShows.add(ticketId),
    transfer: () => void t.transfers++,
    rate: (level) => void t.ratings.push(level),
    refused: (what) => void t.refusals.set(what, (t.refusals.get(what) ?? 0) + 1),
  };
  return t;
}
