import { afterEach, describe, expect, it } from 'vitest';
import { FakePrinter } from './fake-printer.ts';
import { PrintQueue } from './print-queue.ts';
import type { PrinterStatus } from './printer-status.ts';
import { ticketLayout, type TicketPrint } from './ticket-layout.ts';
import { TcpTransport } from './transports/tcp.ts';

const ticket: TicketPrint = {
  hallName: '万州区公安局政务服务大厅',
  number: 'A007',
  serviceName: '居民身份证换领',
  queueName: '户政综合',
  green: 'pregnant',
  appointment: false,
  ahead: 2,
  estimatedWaitS: 240,
  issuedAt: Date.UTC(2026, 10, 23, 1, 5),
  timezone: 'Asia/Shanghai',
  ticketUrl: 'http://hall.local:8080/t/Zz9',
  phones: { consult: '023-58123456' },
};
const bytes = ticketLayout(ticket, { paperWidthMm: 80 });

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(opts: { pollMs?: number; retries?: number } = {}) {
  const printer = new FakePrinter();
  await printer.start();
  const transport = new TcpTransport(printer.host, printer.port, { timeoutMs: 300 });
  const queue = new PrintQueue({ id: 'kiosk-1', transport, retryDelayMs: 20, ...opts });
  cleanup.push(
    () => printer.stop(),
    () => transport.close(),
    () => queue.stop(),
  );
  return { printer, transport, queue };
}

describe('PrintQueue + TcpTransport against the FakePrinter', () => {
  it('prints a ticket: ok, recorded, decodable', async () => {
    const { printer, queue } = await setup();
    expect(await queue.print({ id: 't1', bytes })).toEqual({ ok: true });
    await printer.waitForJobs(1);
    const [d] = printer.decodedJobs();
    expect(d?.doubleSizeLines).toEqual(['A007']);
    expect(d?.lines.map((l) => l.trim())).toContain('【绿色通道】孕妇');
    expect(d?.qr).toEqual(['http://hall.local:8080/t/Zz9']);
    expect(d?.cuts).toBe(1);
    expect(queue.status).toBe('ok');
  });

  it('paper out: the job fails with paper-out at once and is not printed', async () => {
    const { printer, queue } = await setup({ retries: 2 });
    await printer.setState({ paperOut: true });
    const r = await queue.print({ id: 't1', bytes });
    expect(r).toMatchObject({ ok: false, status: 'paper-out' });
    expect(printer.statusQueries).toBe(3); // one DLE EOT round, no retry
    await new Promise((res) => setTimeout(res, 50));
    expect(printer.jobs).toHaveLength(0);
    expect(printer.rejectedJobs).toHaveLength(0); // never sent
  });

  it('offline printer: fails after the retries, nothing printed', async () => {
    const { printer, queue } = await setup({ retries: 2 });
    await printer.setState({ offline: true });
    const r = await queue.print({ id: 't1', bytes });
    expect(r).toMatchObject({ ok: false, status: 'offline' });
    if (!r.ok) expect(r.error).toMatch(/after 3 attempts/);
    expect(printer.statusQueries).toBe(9);
    expect(printer.jobs).toHaveLength(0);
  });

  it('refused connection: fails after the retries, quickly', async () => {
    const { printer, queue } = await setup({ retries: 2 });
    await printer.setState({ refuse: true });
    const t0 = Date.now();
    const r = await queue.print({ id: 't1', bytes });
    expect(r).toMatchObject({ ok: false, status: 'offline' });
    if (!r.ok) expect(r.error).toMatch(/ECONNREFUSED/);
    expect(Date.now() - t0).toBeLessThan(250);
    await printer.setState({ refuse: false });
    expect(await queue.print({ id: 't2', bytes })).toEqual({ ok: true });
    expect(await printer.waitForJobs(1)).toHaveLength(1);
  });

  it('silent printer: offline after the timeout', async () => {
    const { printer, queue } = await setup({ retries: 0 });
    await printer.setState({ silent: true });
    const t0 = Date.now();
    const r = await queue.print({ id: 't1', bytes });
    expect(r).toMatchObject({ ok: false, status: 'offline' });
    if (!r.ok) expect(r.error).toMatch(/within 300 ms/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(printer.jobs).toHaveLength(0);
  });

  it('recovery: the status listener sees paper-out, then ok', async () => {
    const { printer, queue } = await setup({ pollMs: 30 });
    const seen: PrinterStatus[] = [];
    queue.onStatus((s) => seen.push(s));
    queue.start();
    await expect.poll(() => queue.status, { timeout: 2000 }).toBe('ok');
    await printer.setState({ paperOut: true });
    await expect.poll(() => queue.status, { timeout: 2000 }).toBe('paper-out');
    expect((await queue.print({ id: 't1', bytes })).ok).toBe(false);
    await printer.setState({ paperOut: false });
    await expect.poll(() => queue.status, { timeout: 2000 }).toBe('ok');
    expect(seen).toEqual(['ok', 'paper-out', 'ok']);
    expect(await queue.print({ id: 't2', bytes })).toEqual({ ok: true });
  });
});
