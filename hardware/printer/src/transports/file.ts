import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrinterStatus } from '../printer-status.ts';
import type { PrinterTransport } from './transport.ts';

/** `file:PATH` (relative to the working directory), `file:///abs/path`. */
export function parseFileUri(uri: string): string | null {
  if (/^file:\/\//i.test(uri)) return fileURLToPath(uri);
  const m = /^file:(.+)$/i.exec(uri);
  return m?.[1] ? resolve(m[1]) : null;
}

/** Appends every job's bytes to a file, for debugging. Status is always `ok`. */
export class FileTransport implements PrinterTransport {
  readonly uri: string;
  readonly path: string;
  readonly lastError = null;

  constructor(path: string) {
    this.path = path;
    this.uri = `file:${path}`;
  }

  static fromUri(uri: string): FileTransport {
    const path = parseFileUri(uri);
    if (!path) throw new Error(`not a file:PATH printer URI: ${uri}`);
    return new FileTransport(path);
  }

  async write(bytes: Buffer): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, bytes);
  }

  queryStatus(): Promise<PrinterStatus> {
    return Promise.resolve('ok');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
