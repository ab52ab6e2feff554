import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_LIMITS, headerEnds } from '../../apps/hub/src/rest/http-budget.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * A connection's reads are looked at before Node parses them: a browser sends one request at a time,
 * a read holding more than HTTP_LIMITS.requestsPerRead requests is a flood and is closed unparsed.
 */

let h: Harness;
const lines: string[] = [];

beforeAll(async () => {
  h = await startHub(undefined, undefined, { log: (line: string) => void lines.push(line) });
});
afterAll(() => h.close());

/** Writes `count` pipelined GETs in one write; resolves with the answers' status lines and whether the hub closed. */
function pipelined(count: number): Promise<{ statuses: string[]; closed: boolean }> {
  const { hostname, port } = new URL(h.url);
  return new Promise((resolve) => {
    const sock = connect(Number(port), hostname);
    let text = '';
    const done = (closed: boolean): void => {
      sock.destroy();
      resolve({ statuses: text.match(/HTTP\/1\.1 \d+/g) ?? [], closed });
    };
    const timer = setTimeout(() => done(false), 1500);
    sock.on('data', (b: Buffer) => (text += b.toString('latin1')));
    sock.on('error', () => undefined);
    sock.on('close', () => {
      clearTimeout(timer);
      done(true);
    });
    sock.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`.repeat(count));
  });
}

describe('pipelined requests in one read', () => {
  it('counts header endings up to one past the limit', () => {
    const one = Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n\r\n');
    expect(headerEnds(Buffer.alloc(0), 64)).toBe(0);
    expect(headerEnds(one, 64)).toBe(1);
    expect(headerEnds(Buffer.concat(Array.from({ length: 10 }, () => one)), 64)).toBe(10);
    expect(headerEnds(Buffer.concat(Array.from({ length: 1000 }, () => one)), 64)).toBe(65);
  });

  it('answers a few pipelined requests, each of them', async () => {
    const { statuses } = await pipelined(8);
    expect(statuses).toEqual(Array.from({ length: 8 }, () => 'HTTP/1.1 200'));
  });

  it('closes a connection whose read holds a flood of requests, without answering any, and goes on serving others', async () => {
    const { statuses, closed } = await pipelined(HTTP_LIMITS.requestsPerRead * 10);
    expect(closed).toBe(true);
    expect(statuses).toEqual([]);
    expect(lines.some((l) => l.includes('in one read'))).toBe(true);
    expect((await h.api('GET', '/api/health')).status).toBe(200);
  });

  it('leaves upgraded websocket connections alone', async () => {
    const c = await h.connect({ key: 'display-1-secret' });
    expect(c.connected).toBe(true);
  });
});
