import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * Clients that misbehave on purpose, over plain TCP: a websocket speaking socket.io by hand that
 * floods the hub and stops reading, and HTTP connections that pipeline requests without reading the
 * answers. Used by the memory-budget tests; nothing here is a library's client.
 */

/** One masked websocket text frame (clients must mask). */
function wsFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const mask = randomBytes(4);
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x81, 0x80 | len])
      : len < 65536
        ? Buffer.from([0x81, 0x80 | 126, len >> 8, len & 0xff])
        : (() => {
            const b = Buffer.alloc(10);
            b[0] = 0x81;
            b[1] = 0x80 | 127;
            b.writeBigUInt64BE(BigInt(len), 2);
            return b;
          })();
  const masked = Buffer.alloc(len);
  for (let i = 0; i < len; i++) masked[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([head, mask, masked]);
}

/** Many socket.io packets as websocket frames, made up front. */
export function socketIoFrames(packets: string[]): Buffer {
  return Buffer.concat(packets.map(wsFrame));
}

export interface RawSocketIo {
  /** Sends one socket.io packet text, e.g. `421["hall:snapshot"]`. */
  send: (packet: string) => void;
  /** Sends frames made before (see `socketIoFrames`) in one write: the attacker's own work stays out of the measurement. */
  sendRaw: (frames: Buffer) => void;
  /** Stop reading what the hub sends (it piles up on the hub's side unless the hub drops us). */
  stopReading: () => void;
  /** Everything received so far, as text (frames' headers included; enough to look for a marker). */
  received: () => string;
  closed: () => boolean;
  destroy: () => void;
}

/** A websocket to socket.io's endpoint, connected to the default namespace with `auth`. */
export function rawSocketIo(url: string, auth: unknown): Promise<RawSocketIo> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock: Socket = connect(Number(port), hostname);
    let text = '';
    let isClosed = false;
    let stage: 'upgrade' | 'open' | 'connected' = 'upgrade';
    const timer = setTimeout(() => reject(new Error(`raw socket.io handshake timed out: ${text.slice(0, 200)}`)), 5000);
    const api: RawSocketIo = {
      send: (packet) => {
        if (!isClosed) sock.write(wsFrame(packet));
      },
      sendRaw: (frames) => {
        if (!isClosed) sock.write(frames);
      },
      stopReading: () => sock.pause(),
      received: () => text,
      closed: () => isClosed,
      destroy: () => sock.destroy(),
    };
    sock.on('close', () => {
      isClosed = true;
    });
    sock.on('error', () => {
      isClosed = true;
    });
    sock.on('data', (b: Buffer) => {
      if (text.length < 1_000_000) text += b.toString('latin1');
      if (stage === 'upgrade' && text.includes('\r\n\r\n')) {
        if (!text.startsWith('HTTP/1.1 101')) return reject(new Error(text.slice(0, 200)));
        stage = 'open';
      }
      if (stage === 'open' && text.includes('"sid"')) {
        stage = 'connected';
        sock.write(wsFrame(`40${JSON.stringify(auth)}`));
      }
      if (stage === 'connected' && /40\{"sid"/.test(text.slice(text.indexOf('"sid"') + 5))) {
        clearTimeout(timer);
        resolve(api);
      }
      if (stage === 'connected' && text.includes('44{')) {
        clearTimeout(timer);
        reject(new Error(`refused: ${text.slice(text.indexOf('44{'), text.indexOf('44{') + 200)}`));
      }
    });
    sock.write(
      [
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
        `Host: ${hostname}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/**
 * An HTTP/1.1 connection that writes `count` GET requests for `path` in one go and never reads an
 * answer. Resolves when everything is written (or the hub closed the connection).
 */
export function pipelineWithoutReading(url: string, path: string, count: number): Promise<{ closedByHub: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const sock = connect(Number(port), hostname);
    let closedByHub = false;
    sock.pause();
    sock.on('error', () => {
      closedByHub = true;
    });
    sock.on('close', () => {
      closedByHub = true;
      resolve({ closedByHub });
    });
    const request = `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`;
    sock.write(request.repeat(count), () => {
      // Keep the connection open a moment, unread, as an attacker would; then read what is there: a
      // connection the hub closed ends (EOF) once its buffered bytes are read, an open one does not.
      setTimeout(() => {
        sock.on('data', () => undefined);
        sock.resume();
        setTimeout(() => {
          sock.destroy();
          resolve({ closedByHub });
        }, 1000);
      }, 1500);
    });
  });
}
