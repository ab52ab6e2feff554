import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosBuilder } from './escpos.ts';
import { FakePrinter } from './fake-printer.ts';

const printers: FakePrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.stop()));
});

async function startPrinter(options: ConstructorParameters<typeof FakePrinter>[0] = {}): Promise<FakePrinter> {
  const p = new FakePrinter(options);
  printers.push(p);
  await p.start();
  return p;
}

/** Open a socket, send chunks (with a pause between), collect replies for `waitMs`, close. */
async function exchange(port: number, chunks: Buffer[], waitMs = 100): Promise<Buffer> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const got: Buffer[] = [];
  socket.on('data', (d: Buffer) => got.push(d));
  for (const c of chunks) {
    socket.write(c);
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, waitMs));
  socket.end();
  return Buffer.concat(got);
}

const job = (text: string): Buffer => new EscPosBuilder({ columns: 48 }).init().line(text).cut().build();

describe('FakePrinter', () => {
  it('answers DLE EOT and GS r in real time and keeps them out of the job', async () => {
    const p = await startPrinter();
    const body = job('请A001号到3号窗口');
    const replies = await exchange(p.port, [
      body.subarray(0, 5),
      Buffer.from([0x10, 0x04, 0x01, 0x10]), // a request split across chunks
      Buffer.from([0x04, 0x04]),
      body.subarray(5),
      Buffer.from([0x1d, 0x72, 0x01]),
    ]);
    expect([...replies]).toEqual([0x12, 0x12, 0x00]);
    const [printed] = await p.waitForJobs(1);
    expect(printed?.equals(body)).toBe(true);
    expect(p.decodedJobs()[0]?.lines[0]).toBe('请A001号到3号窗口');
    expect(p.statusQueries).toBe(3);
  });

  it('reports paper low, paper out, cover open and offline with the right bytes', async () => {
    const p = await startPrinter();
    const ask = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04, 0x1d, 0x72, 0x01]);
    await p.setState({ paperLow: true });
    expect([...(await exchange(p.port, [ask], 50))]).toEqual([0x12, 0x12, 0x1e, 0x03]);
    await p.setState({ paperLow: false, paperOut: true });
    expect([...(await exchange(p.port, [ask], 50))]).toEqual([0x1a, 0x32, 0x72, 0x0c]);
    await p.setState({ paperOut: false, coverOpen: true });
    expect([...(await exchange(p.port, [ask], 50))]).toEqual([0x1a, 0x16, 0x12, 0x00]);
    await p.setState({ coverOpen: false, offline: true });
    expect([...(await exchange(p.port, [ask], 50))]).toEqual([0x1a, 0x12, 0x12, 0x00]);
    await p.setState({ offline: false, silent: true });
    expect(await exchange(p.port, [ask], 50)).toHaveLength(0);
  });

  it('does not print while out of paper; refuses connections when told', async () => {
    const p = await startPrinter();
    await p.setState({ paperOut: true });
    await exchange(p.port, [job('不打印')], 20);
    await new Promise((r) => setTimeout(r, 50));
    expect(p.jobs).toHaveLength(0);
    expect(p.rejectedJobs).toHaveLength(1);

    await p.setState({ paperOut: false, refuse: true });
    await expect(exchange(p.port, [job('x')])).rejects.toThrow(/ECONNREFUSED/);
    await p.setState({ refuse: false });
    await exchange(p.port, [job('恢复')], 20);
    expect((await p.waitForJobs(1))[0]).toBeDefined();
  });

  it('splits on cuts when asked and writes previews', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yc-prints-'));
    try {
      const p = await startPrinter({ splitOnCut: true, previewDir: dir });
      const two = Buffer.concat([job('第一联'), job('第二联')]);
      await exchange(p.port, [two], 20);
      await p.waitForJobs(2);
      expect(p.decodedJobs().map((d) => d.lines[0])).toEqual(['第一联', '第二联']);
      await p.stop();
      expect(p.previews).toHaveLength(4);
      const txt = await readFile(p.previews.find((f) => f.endsWith('.txt')) ?? '', 'utf8');
      expect(txt).toContain('第一联');
      expect(txt).toContain('✂');
      const html = await readFile(p.previews.find((f) => f.endsWith('.html')) ?? '', 'utf8');
      expect(html).toContain('width:48ch'); // 80 mm at the usual 48 columns
      expect(html).toContain('80 mm · 48 columns');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('waitForJobs times out', async () => {
    const p = await startPrinter();
    await expect(p.waitForJobs(1, 50)).rejects.toThrow(/0 of 1 jobs/);
  });
});
