import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTransport } from './create-transport.ts';
import { FileTransport, fileConfinementProblem, parseFileUri } from './file.ts';
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

  it('with a root (the hub’s data directory): writes under it, refuses "..", absolute paths outside and symlink escapes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'yc-root-'));
    const outside = await mkdtemp(join(tmpdir(), 'yc-out-'));
    try {
      const inside = createTransport('file:prints/p1.bin', { fileRoot: root });
      await inside.write(Buffer.from([7]));
      expect([...(await readFile(join(root, 'prints', 'p1.bin')))]).toEqual([7]);
      expect(await inside.queryStatus()).toBe('ok');

      expect(fileConfinementProblem('file:../x.bin', root)).toMatch(/\.\./);
      expect(fileConfinementProblem(`file:${join(outside, 'x.bin')}`, root)).toMatch(/under the data directory/);
      expect(fileConfinementProblem('file:/etc/passwd', root)).toMatch(/under the data directory/);
      await symlink(outside, join(root, 'escape'));
      expect(fileConfinementProblem('file:escape/x.bin', root)).toMatch(/under the data directory/);
      await writeFile(join(outside, 'target.bin'), '');
      await symlink(join(outside, 'target.bin'), join(root, 'link.bin'));
      expect(fileConfinementProblem('file:link.bin', root)).not.toBeNull();

      const escaping = createTransport('file:escape/x.bin', { fileRoot: root });
      await expect(escaping.write(Buffer.from([1]))).rejects.toThrow(/data directory/);
      expect(await escaping.queryStatus()).toBe('offline');
      expect(existsSync(join(outside, 'x.bin'))).toBe(false);
      const linked = createTransport('file:link.bin', { fileRoot: root });
      await expect(linked.write(Buffer.from([1]))).rejects.toThrow();
      expect((await readFile(join(outside, 'target.bin'))).length).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
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
