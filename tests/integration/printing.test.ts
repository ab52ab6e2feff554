import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope, HallConfigInput } from '@yichuang/protocol';
import { createTransport, decodeEscPos, FakePrinter, PrintQueue } from '@yichuang/printer';
import type { HubPrinter } from '../../apps/hub/src/printing/ticket-printing.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const KIOSK = 'kiosk-1-secret';
let h: Harness | null = null;
let printer: FakePrinter | null = null;
afterEach(async () => {
  await h?.close();
  await printer?.stop();
  h = null;
  printer = null;
});

/** The test hall with kiosk-1 printing on a fake network printer over real TCP. */
async function hallWithPrinter(): Promise<{ h: Harness; printer: FakePrinter; events: EventEnvelope[] }> {
  printer = new FakePrinter();
  const port = await printer.start();
  const config = testHallConfig() as HallConfigInput & {
    printers: unknown[];
    devices: { id: string; printer?: string }[];
  };
  config.printers = [{ id: 'kiosk-1', uri: `tcp://127.0.0.1:${port}`, paperWidthMm: 80 }];
  config.devices = config.devices.map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'kiosk-1' } : d));
  const queue = new PrintQueue({
    id: 'kiosk-1',
    transport: createTransport(`tcp://127.0.0.1:${port}`, { timeoutMs: 300 }),
    pollMs: 100,
    retries: 1,
    retryDelayMs: 50,
  });
  h = await startHub(config, undefined, {
    printers: new Map<string, HubPrinter>([['kiosk-1', queue]]),
    publicUrl: 'http://hall.example:8080',
  });
  const events: EventEnvelope[] = [];
  h.hub.onEvents((es) => events.push(...es));
  await waitFor(() => h!.hub.context.hallView().printers[0]?.status === 'ok', 3000, 'printer ok');
  return { h, printer, events };
}

describe('ticket printing', () => {
  it('prints the ticket on the kiosk’s printer in Chinese with its QR code, then marks it printed', async () => {
    const { h, printer, events } = await hallWithPrinter();
    const res = await h.api('POST', '/api/tickets', { requestId: 'p1', serviceId: 'cert', green: 'elderly' }, KIOSK);
    expect(res.status).toBe(201);
    expect(res.body.printed).toBe(false); // the ack comes before the printer has answered
    await printer.waitForJobs(1, 3000);
    const job = decodeEscPos(printer.jobs[0]!);
    const text = job.lines.join('\n');
    expect(text).toContain('测试大厅');
    expect(text).toContain('A001');
    expect(text).toContain('无犯罪记录证明');
    expect(text).toContain('绿色通道');
    expect(text).toContain('023-00000000');
    // The QR code carries the ticket's link secret: the citizen's own page and 好差评 need it.
    const id = res.body.id as string;
    expect(job.qr).toEqual([`http://hall.example:8080/t/${id}?s=${h.hub.context.ticketSecrets.of(id)}`]);
    expect(job.cuts).toBe(1);
    await waitFor(() => events.some((e) => e.type === 'ticket:printed'), 3000, 'ticket:printed');
    expect((await h.api('GET', `/api/tickets/${res.body.id as string}`)).body.printed).toBe(true);
  });

  it('paper out: the ticket is still valid (printed: false), the failure and the fault are events, the hall view says so', async () => {
    const { h, printer, events } = await hallWithPrinter();
    await printer.setState({ paperOut: true });
    await waitFor(() => h.hub.context.hallView().printers[0]?.status === 'paper-out', 3000, 'paper-out seen');
    const res = await h.api('POST', '/api/tickets', { requestId: 'p2', serviceId: 'cert' }, KIOSK);
    expect(res.status).toBe(201);
    await waitFor(() => events.some((e) => e.type === 'ticket:print-failed'), 3000, 'print-failed');
    const failed = events.find((e) => e.type === 'ticket:print-failed');
    expect(failed?.payload).toMatchObject({ ticketId: res.body.id, printerId: 'kiosk-1', status: 'paper-out' });
    expect(printer.jobs).toHaveLength(0);
    const ticket = (await h.api('GET', `/api/tickets/${res.body.id as string}`)).body;
    expect(ticket).toMatchObject({ printed: false, status: 'waiting', number: 'A001' });
    expect(events.filter((e) => e.type === 'printer:status-changed').map((e) => e.payload)).toContainEqual({
      printerId: 'kiosk-1',
      status: 'paper-out',
      previous: 'ok',
    });
    // Paper is back: the status recovers by itself and the next ticket prints.
    await printer.setState({ paperOut: false });
    await waitFor(() => h.hub.context.hallView().printers[0]?.status === 'ok', 3000, 'recovered');
    await h.api('POST', '/api/tickets', { requestId: 'p3', serviceId: 'cert' }, KIOSK);
    await printer.waitForJobs(1, 3000);
    expect(decodeEscPos(printer.jobs[0]!).lines.join('\n')).toContain('A002');
  });

  it('a kiosk sees its printer’s status in its snapshot and hears changes', async () => {
    const { h, printer } = await hallWithPrinter();
    const kiosk = await h.connect({ key: KIOSK });
    const heard: string[] = [];
    kiosk.socket.on('hub:printers', (list) => heard.push(list[0]?.status ?? ''));
    await printer.setState({ offline: true });
    await waitFor(() => heard.includes('offline'), 3000, 'offline heard');
    expect(h.hub.context.snapshot({ role: 'kiosk', id: 'kiosk-1' }).printers).toEqual([
      { id: 'kiosk-1', status: 'offline' },
    ]);
  });
});
