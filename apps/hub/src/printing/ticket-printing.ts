import { fail, type Ack, type DomainEvent, type EventEnvelope, type HallConfig, type Ticket } from '@yichuang/protocol';
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
import type { Db } from '../store/open-db.ts';
import { ticketsWithoutPrintOutcome } from './print-recovery.ts';

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

/**
 * One print queue per configured printer (tcp://, serial path, or file:). A `file:` printer writes only
 * under `fileRoot` (the hub's data directory): anywhere else it is refused at every write and offline.
 */
export function printersFromConfig(config: HallConfig, pollMs?: number, fileRoot?: string): Map<string, HubPrinter> {
  return new Map(
    config.printers.map((p) => [
      p.id,
      new PrintQueue({ id: p.id, transport: createTransport(p.uri, { fileRoot }), pollMs }),
    ]),
  );
}

export interface PrintingOptions {
  bus: CommandBus;
  /** The event log, read once at start for prints cut off by a crash. */
  db: Db;
  printers: Map<string, HubPrinter>;
  /** Base of the citizen's ticket page URL printed as the QR code, e.g. http://192.168.1.10:8080. */
  publicUrl: () => string;
  /** The path of a ticket's page with its link secret (`/t/<id>?s=…`): the citizen's page and own rating. */
  ticketPath?: (ticketId: string) => string;
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
  private readonly unsubscribe = new Map<HubPrinter, () => void>();
  private readonly known = new Set<string>();

  constructor(o: PrintingOptions) {
    this.o = o;
    this.recordUnknownOutcomes();
    for (const printer of o.printers.values()) this.attach(printer);
  }

  /**
   * At start, before anything prints: a kiosk ticket with no print outcome in the log was being printed
   * when the hub stopped (its slip may or may not have come out), so say so with `ticket:print-unknown`
   * rather than leave it silent. That event is itself an outcome: a second start finds nothing more.
   */
  private recordUnknownOutcomes(): void {
    const candidates = [...this.o.bus.state.tickets.values()].filter(
      (t) => !t.printed && t.kioskId !== null && this.printerFor(t.kioskId) !== undefined,
    );
    const unknown = ticketsWithoutPrintOutcome(this.o.db, candidates);
    if (unknown.length === 0) return;
    const at = this.o.clock();
    this.o.bus.recordSystem(
      unknown.map((t) => ({
        type: 'ticket:print-unknown' as const,
        at,
        payload: { ticketId: t.id, printerId: this.printerFor(t.kioskId ?? '')?.id ?? '' },
      })),
    );
    const numbers = unknown.map((t) => t.number).join(' ');
    this.o.log(`号票打印结果未知，请核实或补打 / print outcome unknown (the hub stopped while printing): ${numbers}`);
  }

  private attach(printer: HubPrinter): void {
    this.unsubscribe.set(
      printer,
      printer.onStatus((status, previous) => this.statusChanged(printer.id, status, previous)),
    );
    printer.start();
    // A printer already at fault when the hub starts raises no change of its own: report it once.
    void printer.checkStatus().then((status) => {
      if (!this.known.has(printer.id)) this.statusChanged(printer.id, status, status);
    });
  }

  /**
   * A config change of the printers: those removed or moved to another URI stop, new ones start.
   * The map is shared with notice printing, so it is changed in place.
   */
  async reconfigure(
    before: HallConfig,
    after: HallConfig,
    create: (config: HallConfig) => Map<string, HubPrinter>,
  ): Promise<void> {
    const uri = (c: HallConfig): Map<string, string> => new Map(c.printers.map((p) => [p.id, p.uri]));
    const was = uri(before);
    const now = uri(after);
    const stopped: Promise<void>[] = [];
    for (const [id, printer] of this.o.printers) {
      if (now.get(id) === was.get(id)) continue;
      this.unsubscribe.get(printer)?.();
      this.unsubscribe.delete(printer);
      this.o.printers.delete(id);
      this.known.delete(id);
      stopped.push(printer.stop());
    }
    await Promise.all(stopped);
    const fresh = create({ ...after, printers: after.printers.filter((p) => !this.o.printers.has(p.id)) });
    for (const [id, printer] of fresh) {
      this.o.printers.set(id, printer);
      this.attach(printer);
    }
  }

  /** Print a ticket again: on the printer named, else its kiosk's. */
  async reprint(ticket: Ticket, printerId?: string): Promise<Ack<{ ticketId: string; printerId: string }>> {
    const printer = printerId === undefined ? this.printerFor(ticket.kioskId ?? '') : this.o.printers.get(printerId);
    if (printer === undefined)
      return {
        ok: false,
        error:
          printerId === undefined
            ? fail('NO_PRINTER', '该号票的取号机没有打印机，请指定打印机 / name a printer: the ticket’s kiosk has none')
            : fail('UNKNOWN_PRINTER', `没有打印机 ${printerId} / unknown printer`, 'printerId'),
      };
    const result = await this.send(ticket, printer);
    if (!result.ok)
      return { ok: false, error: fail('PRINTER_FAULT', `打印失败：${result.status} / print failed: ${result.status}`) };
    return { ok: true, data: { ticketId: ticket.id, printerId: printer.id } };
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
    for (const u of this.unsubscribe.values()) u();
    await Promise.all([...this.o.printers.values()].map((p) => p.stop()));
  }

  private printerFor(kioskId: string): HubPrinter | undefined {
    const device = this.o.bus.config.devices.find((d) => d.id === kioskId);
    return device?.printer === undefined ? undefined : this.o.printers.get(device.printer);
  }

  private printTicket(ticket: Ticket): void {
    const printer = this.printerFor(ticket.kioskId ?? '');
    if (printer !== undefined) void this.send(ticket, printer);
  }

  /** Lay out, print and record the outcome as an event. */
  private async send(ticket: Ticket, printer: HubPrinter): Promise<PrintResult> {
    const { config } = this.o.bus;
    const state = this.o.bus.state;
    const live = state.tickets.get(ticket.id) ?? ticket;
    const view = ticketView(state, live);
    const printerConfig = config.printers.find((p) => p.id === printer.id);
    const bytes = ticketLayout(
      {
        hallName: config.hall.name,
        number: ticket.number,
        serviceName: config.services.find((s) => s.id === ticket.serviceId)?.name ?? ticket.serviceId,
        queueName: config.queues.find((q) => q.id === ticket.queueId)?.name ?? ticket.queueId,
        green: ticket.green,
        appointment: ticket.appointment !== null,
        appointmentSlot: view.appointmentSlot,
        ahead: view.ahead,
        estimatedWaitS: view.estimatedWaitS,
        unstaffed: view.unstaffed,
        issuedAt: ticket.issuedAt,
        timezone: config.hall.timezone,
        ticketUrl: `${this.o.publicUrl()}${this.o.ticketPath?.(ticket.id) ?? `/t/${ticket.id}`}`,
        phones: config.hall.phones,
      },
      { paperWidthMm: printerConfig?.paperWidthMm ?? 80, columns: printerConfig?.columns },
    );
    const result = await printer
      .print({ id: ticket.id, bytes })
      .catch((err: Error): PrintResult => ({ ok: false, status: 'offline', error: err.message }));
    this.record(ticket.id, printer.id, result);
    return result;
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
