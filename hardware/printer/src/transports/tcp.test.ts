import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../escpos-decode.ts';
import { FakePrinter } from '../fake-printer.ts';
import { ticketLayout } from '../ticket-layout.ts';
import { TcpTransport, parseTcpUri } from './tcp.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(timeoutMs = 300): Promise<{ printer: FakePrinter; transport: TcpTransport }> {
  const printer = new FakePrinter();
  await printer.start();
  const transport = TcpTransport.fromUri(printer.uri, { timeoutMs });
  cleanup.push(
    () => printer.stop(),
    () => transport.close(),
  );
  return { printer, transport };
}

/** A port with nothing listening. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const bytes = ticketLayout(
  {
    hallName: '万州区公安局政务服务大厅',
    number: 'B012',
    serviceName: '户口迁移',
    queueName: '户政',
    green: null,
    appointment: false,
    ahead: 1,
    estimatedWaitS: 300,
    issuedAt: 0,
    timezone: 'Asia/Shanghai',
    ticketUrl: 'http://hall.local:8080/t/xyz',
    phones: {},
  },
  { paperWidthMm: 80 },
);

describe('TcpTransport', () => {
  it('parses tcp URIs', () => {
    expect(parseTcpUri('tcp://10.0.0.5:9100')).toEqual({ host: '10.0.0.5', port: 9100 });
    expect(parseTcpUri('tcp://printer.local')).toEqual({ host: 'printer.local', port: 9100 });
    expect(parseTcpUri('tcp://h:70000')).toBeNull();
    expect(parseTcpUri('serial:/dev/ttyS0')).toBeNull();
  });

  it('sends a job through node-thermal-printer and reads status with DLE EOT', async () => {
    const { printer, transport } = await setup();
    expect(await transport.queryStatus()).toBe('ok');
    await transport.write(bytes);
    const [job] = await printer.waitForJobs(1);
    expect(job?.equals(bytes)).toBe(true);
    expect(decodeEscPos(job ?? Buffer.alloc(0)).doubleSizeLines).toEqual(['B012']);
    await printer.setState({ paperLow: true });
    expect(await transport.queryStatus()).toBe('paper-low');
    await printer.setState({ paperOut: true });
    expect(await transport.queryStatus()).toBe('paper-out');
    await printer.setState({ paperOut: false, paperLow: false, coverOpen: true });
    expect(await transport.queryStatus()).toBe('cover-open');
    await printer.setState({ coverOpen: false, offline: true });
    expect(await transport.queryStatus()).toBe('offline');
    expect(transport.lastError).toBeNull(); // the printer said so
  });

  it('a refused connection rejects at once and reads as offline', async () => {
    const transport = new TcpTransport('127.0.0.1', await closedPort(), { timeoutMs: 2000 });
    const t0 = Date.now();
    await expect(transport.write(bytes)).rejects.toThrow(/ECONNREFUSED/);
    expect(await transport.queryStatus()).toBe('offline');
    expect(transport.lastError).toMatch(/ECONNREFUSED/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('a silent printer is offline after the timeout', async () => {
    const { printer, transport } = await setup(300);
    await printer.setState({ silent: true });
    const t0 = Date.now();
    expect(await transport.queryStatus()).toBe('offline');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(transport.lastError).toMatch(/DLE EOT 1|within 300 ms/);
  });

  it('rejects writes after close', async () => {
    const { transport } = await setup();
    await transport.close();
    await expect(transport.write(bytes)).rejects.toThrow(/closed/);
    expect(await transport.queryStatus()).toBe('offline');
  });
});
