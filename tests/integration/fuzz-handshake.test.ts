import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@yichuang/protocol';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * The socket.io handshake is input from anyone on the hall's network: its `auth` object is parsed
 * whole before anything reads it. Every bad one is refused with a coded `connect_error`; none may
 * throw inside the hub (which took the whole process down before).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHub(testHallConfig());
});
afterAll(async () => {
  await h.close();
});

/** Connects with `auth` and resolves with the refusal's code, 'CONNECTED', or 'CLOSED' (dropped by socket.io's parser). */
function handshake(auth: unknown): Promise<string> {
  return new Promise((resolve) => {
    const s = io(h.url, {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      reconnection: false,
      timeout: 3000,
    });
    let settled = false;
    const done = (code: string): void => {
      if (settled) return;
      settled = true;
      s.close();
      resolve(code);
    };
    s.on('connect', () => done('CONNECTED'));
    // An auth that is not an object never reaches the hub's code: socket.io's parser drops the connection.
    s.io.on('close', () => setTimeout(() => done('CLOSED'), 300));
    s.on('connect_error', (err: Error & { data?: { code?: unknown } }) =>
      done(typeof err.data?.code === 'string' ? err.data.code : `UNCODED: ${err.message}`),
    );
  });
}

async function healthy(): Promise<void> {
  expect((await h.api('GET', '/api/health')).status).toBe(200);
}

describe('the socket handshake is parsed before anything reads it', () => {
  it.each([
    ['a number as token', { protocol: PROTOCOL_VERSION, token: 123 }, 'VALIDATION_FAILED'],
    ['an object as key', { protocol: PROTOCOL_VERSION, key: { a: 1 } }, 'VALIDATION_FAILED'],
    ['an array as key', { protocol: PROTOCOL_VERSION, key: ['x'] }, 'VALIDATION_FAILED'],
    ['null as token', { protocol: PROTOCOL_VERSION, token: null }, 'VALIDATION_FAILED'],
    ['a 10 kB key', { protocol: PROTOCOL_VERSION, key: 'k'.repeat(10_000) }, 'VALIDATION_FAILED'],
    ['a key with spaces', { protocol: PROTOCOL_VERSION, key: 'kiosk 1 secret' }, 'VALIDATION_FAILED'],
    ['token and key both', { protocol: PROTOCOL_VERSION, token: 'abc', key: 'kiosk-1-secret' }, 'VALIDATION_FAILED'],
    ['an unknown field', { protocol: PROTOCOL_VERSION, key: 'kiosk-1-secret', admin: true }, 'VALIDATION_FAILED'],
    ['"1.banana" as protocol', { protocol: '1.banana', key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['"abc" as protocol', { protocol: 'abc', key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['a number as protocol', { protocol: 1, key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['"1" as protocol', { protocol: '1', key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['"2.0" as protocol', { protocol: '2.0', key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['"0.9" as protocol', { protocol: '0.9', key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['no protocol', { key: 'kiosk-1-secret' }, 'PROTOCOL_MISMATCH'],
    ['no credential', { protocol: PROTOCOL_VERSION }, 'UNAUTHENTICATED'],
    ['a wrong key', { protocol: PROTOCOL_VERSION, key: 'not-a-key-of-this-hall' }, 'UNAUTHENTICATED'],
  ])('%s is refused with a code', async (_what, auth, code) => {
    expect(await handshake(auth)).toBe(code);
    await healthy();
  });

  it('a good handshake still connects, and a newer minor version is accepted', async () => {
    expect(await handshake({ protocol: PROTOCOL_VERSION, key: 'display-1-secret' })).toBe('CONNECTED');
    const [major] = PROTOCOL_VERSION.split('.');
    expect(await handshake({ protocol: `${major}.99`, key: 'display-1-secret' })).toBe('CONNECTED');
  });

  it('random auth objects never crash the hub: each is refused with a code', async () => {
    const junk = fc.oneof(
      fc.constantFrom(null, true, 0, '', '1.0', [], {}),
      fc.string({ maxLength: 30 }),
      fc.dictionary(
        fc.constantFrom('protocol', 'token', 'key', '__proto__', 'constructor', 'extra'),
        fc.oneof(
          fc.constantFrom(PROTOCOL_VERSION, 'kiosk-1-secret', '1.banana', 'NaN', '__proto__'),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ),
        { maxKeys: 4 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (auth) => {
        const result = await handshake(auth);
        // Only a well-formed handshake with a real key gets in; everything else has a code.
        expect(result).toMatch(/^(CONNECTED|CLOSED|[A-Z_]+)$/);
        if (result === 'CLOSED') expect(typeof auth === 'object' && auth !== null && !Array.isArray(auth)).toBe(false);
        if (result === 'CONNECTED') expect(auth).toMatchObject({ protocol: PROTOCOL_VERSION, key: 'kiosk-1-secret' });
      }),
      { numRuns: 120, seed: 20261205 },
    );
    await healthy();
  });
});
