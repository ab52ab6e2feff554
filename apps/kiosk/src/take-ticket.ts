import type { HubConnection } from '@yichuang/client';
import type { EventEnvelope } from '@yichuang/protocol';
import { refreshCatalogue } from './catalogue.ts';
import { printerProblem } from './hub-context.tsx';
import { useKiosk, type PrintState, type TakeRequest } from './kiosk-store.ts';

/** How long to wait for `ticket:printed` / `ticket:print-failed` before saying it did not print. */
export const PRINT_TIMEOUT_MS = 8000;

/** Outcomes seen lately, in case one arrives before the screen shows its ticket. */
const recentOutcomes = new Map<string, PrintState>();

function setOutcome(ticketId: string, state: PrintState): void {
  const print = useKiosk.getState().print;
  if (print?.ticketId !== ticketId) return;
  // A ticket that printed stays printed; a late success overrides a timeout.
  if (print.state === 'printed') return;
  useKiosk.setState({ print: { ticketId, state } });
}

/** Follows the hub's print outcomes for this kiosk's tickets. Returns the unsubscribe. */
export function watchPrintOutcomes(connection: HubConnection): () => void {
  const onEvents = (events: EventEnvelope[]): void => {
    for (const e of events) {
      if (e.type !== 'ticket:printed' && e.type !== 'ticket:print-failed') continue;
      const state: PrintState = e.type === 'ticket:printed' ? 'printed' : 'failed';
      recentOutcomes.set(e.payload.ticketId, state);
      if (recentOutcomes.size > 50) recentOutcomes.delete(recentOutcomes.keys().next().value ?? '');
      setOutcome(e.payload.ticketId, state);
    }
  };
  connection.socket.on('hub:events', onEvents);
  return () => void connection.socket.off('hub:events', onEvents);
}

export interface TakeOptions {
  idCard?: string;
  /** Set when retrying a request whose answer never came: the hub answers it once. */
  requestId?: string;
  printer: { id: string; status: string } | undefined;
}

/** Sends `ticket:take`, then shows the ticket (and follows its printing) or explains the refusal. */
export async function takeTicket(connection: HubConnection, request: TakeRequest, o: TakeOptions): Promise<void> {
  if (useKiosk.getState().taking) return;
  const requestId = o.requestId ?? crypto.randomUUID();
  useKiosk.setState({ taking: true, failure: null });
  const res = await connection.send('ticket:take', {
    requestId,
    ...request,
    ...(o.idCard === undefined ? {} : { idCard: o.idCard }),
  });
  if (!res.ok) {
    const { code, message, field } = res.error;
    const again = code === 'INTERNAL' || code === 'RATE_LIMITED';
    useKiosk.setState({
      taking: false,
      failure: {
        code,
        message,
        ...(field === undefined ? {} : { field }),
        // Same requestId only when the hub may have issued it without our hearing back.
        retry: again ? { request, idCard: o.idCard, requestId: code === 'INTERNAL' ? requestId : undefined } : null,
      },
    });
    if (code === 'HALL_CLOSED') void refreshCatalogue();
    return;
  }
  const ticket = res.data;
  const printer = o.printer;
  // No printer, or one known to be out of order: the screen is the ticket, say so at once.
  const start: PrintState = printer === undefined || printerProblem(printer.status) !== null ? 'failed' : 'printing';
  useKiosk.setState({
    taking: false,
    stack: [{ name: 'home' }, { name: 'confirm', ticket }],
    green: null,
    print: { ticketId: ticket.id, state: start },
    lastTouchAt: Date.now(),
  });
  const early = recentOutcomes.get(ticket.id);
  if (early !== undefined) setOutcome(ticket.id, early);
  setTimeout(() => {
    if (useKiosk.getState().print?.state === 'printing') setOutcome(ticket.id, 'failed');
  }, PRINT_TIMEOUT_MS);
}
