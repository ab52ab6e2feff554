import { FileTransport, parseFileUri } from './file.ts';
import { parseSerialUri, SerialTransport, type SerialPortFactory } from './serial.ts';
import { parseTcpUri, TcpTransport } from './tcp.ts';
import type { PrinterTransport } from './transport.ts';

export interface CreateTransportOptions {
  /** Job and status-query timeout for TCP and serial printers (default 3000 ms). */
  timeoutMs?: number;
  /** Serial default when the URI has no `?baudRate=` (default 9600). */
  baudRate?: number;
  /** Serial port factory (tests pass one that makes `SerialPortMock`s). */
  openSerialPort?: SerialPortFactory;
  /**
   * Where `file:` printers may write (a hub's data directory): relative paths are taken from here, and a
   * path outside it (through `..` or a symlink) is refused at every write and reported `offline`.
   */
  fileRoot?: string;
}

/**
 * A transport for a printer URI:
 * - `tcp://host:port` (port defaults to 9100) → {@link TcpTransport}
 * - `serial:/dev/ttyUSB0[?baudRate=115200]`, `serial:COM3` or a bare `/dev/…` path → {@link SerialTransport}
 * - `file:PATH` → {@link FileTransport}
 */
export function createTransport(uri: string, options: CreateTransportOptions = {}): PrinterTransport {
  const tcp = parseTcpUri(uri);
  if (tcp) return new TcpTransport(tcp.host, tcp.port, { timeoutMs: options.timeoutMs });
  const serial = parseSerialUri(uri);
  if (serial) {
    return new SerialTransport(serial.path, {
      baudRate: serial.baudRate ?? options.baudRate,
      timeoutMs: options.timeoutMs,
      openPort: options.openSerialPort,
    });
  }
  const file = parseFileUri(uri, options.fileRoot);
  if (file) return new FileTransport(file, { root: options.fileRoot });
  throw new Error(`unsupported printer URI "${uri}" (use tcp://host:port, serial:/dev/… or file:PATH)`);
}
