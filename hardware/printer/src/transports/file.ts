import { constants, existsSync, lstatSync, realpathSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrinterStatus } from '../printer-status.ts';
import type { PrinterTransport } from './transport.ts';

/** `file:PATH` (relative to `base`, else the working directory), `file:///abs/path`. */
export function parseFileUri(uri: string, base?: string): string | null {
  if (/^file:\/\//i.test(uri)) return fileURLToPath(uri);
  const m = /^file:(.+)$/i.exec(uri);
  if (!m?.[1]) return null;
  return base === undefined ? resolve(m[1]) : resolve(base, m[1]);
}

/** The path as written in a `file:` URI, before it is resolved (to look for `..`). */
function rawFilePath(uri: string): string {
  return /^file:\/\//i.test(uri) ? uri.replace(/^file:\/\/[^/]*/i, '') : uri.replace(/^file:/i, '');
}

/**
 * Why a `file:` printer may not write where `uri` points, or null when it may: the path must stay under
 * `root` (a hub's data directory) once every symlink is resolved, name no `..`, and not be a symlink
 * itself. Checked when a printer is configured and again before every write.
 */
export function fileConfinementProblem(uri: string, root: string): string | null {
  const raw = rawFilePath(uri);
  if (raw.split(/[\\/]/).includes('..')) return `file printer path may not contain "..": ${raw}`;
  const path = parseFileUri(uri, root);
  if (path === null) return `not a file:PATH printer URI: ${uri}`;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return `the data directory ${root} does not exist`;
  }
  // The nearest part of the path that exists, resolved through symlinks; the rest is made under it.
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let real: string;
  try {
    real = resolve(realpathSync(existing), relative(existing, path));
  } catch {
    return `cannot resolve ${path}`;
  }
  const inside = relative(realRoot, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return `file printers must write under the data directory ${realRoot}, not ${real}`;
  if (existsSync(path) && lstatSync(path).isSymbolicLink()) return `file printer path is a symlink: ${path}`;
  return null;
}

export interface FileTransportOptions {
  /** When set, the file must stay under this directory (see {@link fileConfinementProblem}). */
  root?: string;
}

/** Appends every job's bytes to a file, for debugging. Status is `ok`, or `offline` when the path is refused. */
export class FileTransport implements PrinterTransport {
  readonly uri: string;
  readonly path: string;
  lastError: string | null = null;
  private readonly root: string | undefined;

  constructor(path: string, options: FileTransportOptions = {}) {
    this.path = path;
    this.uri = `file:${path}`;
    this.root = options.root;
  }

  static fromUri(uri: string, options: FileTransportOptions = {}): FileTransport {
    const path = parseFileUri(uri, options.root);
    if (!path) throw new Error(`not a file:PATH printer URI: ${uri}`);
    return new FileTransport(path, options);
  }

  async write(bytes: Buffer): Promise<void> {
    const refused = this.problem();
    if (refused !== null) throw new Error(refused);
    await mkdir(dirname(this.path), { recursive: true });
    // O_NOFOLLOW: a symlink put in place of the file is refused rather than followed.
    const handle = await open(
      this.path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
    );
    try {
      await handle.write(bytes);
    } finally {
      await handle.close();
    }
  }

  queryStatus(): Promise<PrinterStatus> {
    this.lastError = this.problem();
    return Promise.resolve(this.lastError === null ? 'ok' : 'offline');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private problem(): string | null {
    return this.root === undefined ? null : fileConfinementProblem(`file:${this.path}`, this.root);
  }
}
