import type { DomainEvent, EventEnvelope, HallConfig, Ticket } from '@yichuang/protocol';
import { ticketView } from '@yichuang/engine';
import {
  createTransport,
  PrintQueue,
  ticketLayout,
  type PrinterStatus,
  type PrintJob,
  type PrintResult,
} from '@yichuang/printer';
import type { CommandBus } from '../command-bus.ts';

/** What the hub needs of a printer: PrintQueue fits; tests may pass their own. */
export interface HubPrinter {
  readonly id: string;
  readonly status: PrinterStatus;
  /** When the printer last answered a status query, or null before its first answer. */
  readonly checkedAt: number | null;
  checkStatus(): Promise<PrinterStatus>;
  print(job: PrintJob): Promise<PrintResult>;
  onStatus(listener: (status: PrinterStatus, previous: PrinterStatus) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}

/** One print queue per configured printer (tcp://, serial path, or file:). */
export function printersFromConfig(config: HallConfig, pollMs?: number): Map<string, HubPrinter> {
  return new Map(
    config.printers.map((p) => [p.id, new PrintQueue({ id: p.id, transport: createTransport(p.uri), pollMs })]),
  );
}

export interface PrintingOptions {
  bus: CommandBus;
  printers: Map<string, HubPrinter>;
  /** Base of the citizen's ticket page URL printed as the QR code, e.g. http://192.168.1.10:8080. */
  publicUrl: () => string;
  clock: () => number;
  log: (line: string) => void;
  /** Called whenever a printer's status changes (the hub tells the screens). */
  onStatus: (printerId: string, status: PrinterStatus) => void;
}

/**
 * Prints each ticket a kiosk issues on that kiosk's printer, after the ticket is committed, and
 * records the outcome as an event: `ticket:printed` only when the printer took the bytes and
 * reported no fault, else `ticket:print-failed` (the kiosk then shows the ticket on screen).
 * Printer status changes are events too, for the manager's alerts.
 */
export class TicketPrinting {
  private readonly o: PrintingOptions;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly known = new Set<string>();

  constructor(o: PrintingOptions) {
    this.o = o;
    for (const printer of o.printers.values()) {
      this.unsubscribe.push(printer.onStatus((status, previous) => this.statusChanged(printer.id, status, previous)));
      printer.start();
      // A printer already at fault when the hub starts raises no change of its own: report it once.
      void printer.checkStatus().then((status) => {
        if (!this.known.has(printer.id)) this.statusChanged(printer.id, status, status);
      });
    }
  }

  /** Feed committed events in. */
  onEvents(events: EventEnvelope[]): void {
    for (const e of events)
      if (e.type === 'ticket:issued' && e.payload.ticket.kioskId !== null) this.printTicket(e.payload.ticket);
  }

  /** Each printer's status; `unknown` until it has first answered. */
  statuses(): Map<string, PrinterStatus | 'unknown'> {
    return new Map([...this.o.printers.values()].map((p) => [p.id, p.checkedAt === null ? 'unknown' : p.status]));
  }

  async stop(): Promise<void> {
    for (const u of this.unsubscribe) u();
    await Promise.all([...this.o.printers.values()].map((p) => p.stop()));
  }

  private printerFor(kioskId: string): HubPrinter | undefined {
    const device = this.o.bus.config.devices.find((d) => d.id === kioskId);
    return device?.printer === undefined ? undefined : this.o.printers.get(device.printer);
  }

  private printTicket(ticket: Ticket): void {
    const printer = this.printerFor(ticket.kioskId ?? '');
    if (printer === undefined) return;
    const { config } = this.o.bus;
    const state = this.o.bus.state;
    const live = state.tickets.get(ticket.id) ?? ticket;
    const view = ticketView(state, live);
    const paper = config.printers.find((p) => p.id === printer.id)?.paperWidthMm ?? 80;
    const bytes = ticketLayout(
      {
        hallName: config.hall.name,
        number: ticket.number,
        serviceName: config.services.find((s) => s.id === ticket.serviceId)?.name ?? ticket.serviceId,
        queueName: config.queues.find((q) => q.id === ticket.queueId)?.name ?? ticket.queueId,
        green: ticket.green,
        appointment: ticket.appointment !== null,
        ahead: view.ahead,
        estimatedWaitS: view.estimatedWaitS,
        issuedAt: ticket.issuedAt,
        timezone: config.hall.timezone,
        ticketUrl: `${this.o.publicUrl()}/t/${ticket.id}`,
        phones: config.hall.phones,
      },
      { paperWidthMm: paper },
    );
    void printer.print({ id: ticket.id, bytes }).then(
      (result) => this.record(ticket.id, printer.id, result),
      (err: Error) => this.record(ticket.id, printer.id, { ok: false, status: 'offline', error: err.message }),
    );
  }

  private record(ticketId: string, printerId: string, result: PrintResult): void {
    const at = this.o.clock();
    const e: DomainEvent = result.ok
      ? { type: 'ticket:printed', at, payload: { ticketId, printerId } }
      : {
          type: 'ticket:print-failed',
          at,
          payload: { ticketId, printerId, status: result.status, error: result.error },
        };
    if (!result.ok) this.o.log(`print of ticket ${ticketId} on ${printerId} failed: ${result.status}`);
    this.o.bus.recordSystem([e]);
  }

  private statusChanged(printerId: string, status: PrinterStatus, previous: PrinterStatus): void {
    const first = !this.known.has(printerId);
    this.known.add(printerId);
    this.o.onStatus(printerId, status);
    // The first answer after start is not a change, unless it is a fault worth an alert.
    if (first && status === 'ok') return;
    this.o.bus.recordSystem([
      {
        type: 'printer:status-changed',
        at: this.o.clock(),
        payload: { printerId, status, previous: first ? 'unknown' : previous },
      },
    ]);
  }
}
