import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTransport } from './create-transport.ts';
import { FileTransport, parseFileUri } from './file.ts';
import { SerialTransport } from './serial.ts';
import { TcpTransport } from './tcp.ts';

describe('FileTransport and createTransport', () => {
  it('appends jobs to a file; status is always ok', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yc-file-'));
    try {
      const path = join(dir, 'sub', 'prints.bin');
      const t = createTransport(`file:${path}`);
      expect(t).toBeInstanceOf(FileTransport);
      await t.write(Buffer.from([1, 2]));
      await t.write(Buffer.from([3]));
      expect([...(await readFile(path))]).toEqual([1, 2, 3]);
      expect(await t.queryStatus()).toBe('ok');
      await t.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('picks the transport from the URI', () => {
    expect(createTransport('tcp://127.0.0.1:9100')).toBeInstanceOf(TcpTransport);
    expect(createTransport('serial:/dev/ttyUSB0')).toBeInstanceOf(SerialTransport);
    expect(createTransport('/dev/ttyS0')).toBeInstanceOf(SerialTransport);
    expect(parseFileUri('file:///tmp/a.bin')).toBe('/tmp/a.bin');
    expect(() => createTransport('usb://x')).toThrow(/unsupported printer URI/);
  });
});
