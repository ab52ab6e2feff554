import { describe, expect, it } from 'vitest';
import { hallConfigSchema, type HallConfig } from '@yichuang/protocol';
import { testHallConfig } from '../../../../tests/support/test-hall.ts';
import {
  addRow,
  moveRow,
  patchRow,
  removeRow,
  KEPT_KEY,
  savedKeys,
  sendable,
  shadowedDays,
  validateConfig,
  withKeptKeys,
  withoutPins,
  type Draft,
} from './draft-model.ts';

/** The test hall as the hub serves it: PINs only as hashes. */
function running(): HallConfig {
  const c = hallConfigSchema.parse(testHallConfig({ windows: 2 }));
  return { ...c, officers: c.officers.map(({ pin: _p, ...o }) => ({ ...o, pinHash: `scrypt$${o.id}` })) };
}

function draft(): Draft {
  const config = withoutPins(running());
  return { config, keys: savedKeys(config) };
}

describe('the draft', () => {
  it('holds officers without PINs', () => {
    expect(draft().config.officers.every((o) => o.pin === undefined && o.pinHash === undefined)).toBe(true);
    expect(running().officers[0]!.pinHash).toBe('scrypt$a1');
  });

  it('keeps row keys in step with the rows when rows are added, moved and removed', () => {
    let d = draft();
    d = addRow(
      d,
      'services',
      { id: 'residence', name: '居住证办理', queue: 'quick', materials: [], cityWide: false },
      'n:1',
    );
    d = moveRow(d, 'services', 2, 0);
    expect(d.config.services.map((s) => s.id)).toEqual(['residence', 'cert', 'idcard']);
    expect(d.keys.services).toEqual(['n:1', 's:0', 's:1']);
    d = removeRow(d, 'services', 1);
    expect(d.config.services.map((s) => s.id)).toEqual(['residence', 'idcard']);
    expect(d.keys.services).toEqual(['n:1', 's:1']);
    // Out of range: nothing moves.
    expect(moveRow(d, 'services', 0, -1).config.services).toEqual(d.config.services);
  });

  it('patches one row and leaves the others (and the original) alone', () => {
    const d = draft();
    const next = patchRow(d, 'windows', 1, { number: 7, printer: undefined });
    expect(next.config.windows[1]!.number).toBe(7);
    expect(d.config.windows[1]!.number).toBe(2);
    expect(next.config.windows[0]).toBe(d.config.windows[0]);
    expect(JSON.stringify(next.config.windows[1])).not.toContain('printer');
  });
});

describe('checking a config with the protocol schema', () => {
  const kept = new Set(running().officers.map((o) => o.id));

  it('accepts the draft: saved officers keep their PIN without sending it', () => {
    expect(validateConfig(draft().config, kept)).toMatchObject({ issues: [] });
    expect(validateConfig(draft().config, kept).parsed).not.toBeNull();
  });

  it('reports problems with the paths the hub uses', () => {
    const c = structuredClone(draft().config);
    c.services.push({ id: 'x', name: '新事项', queue: 'nowhere', materials: [], cityWide: false });
    expect(validateConfig(c, kept).issues).toEqual([{ path: 'services.2.queue', message: 'unknown queue "nowhere"' }]);

    const d = structuredClone(draft().config);
    d.windows[0]!.number = 2;
    const i = d.officers.push({ id: 'new', name: '新人', role: 'officer' }) - 1;
    expect(validateConfig(d, kept).issues).toEqual([
      { path: `officers.${i}.pinHash`, message: 'an officer needs pin or pinHash' },
      { path: 'windows.1.number', message: 'duplicate window number 2' },
    ]);
    d.officers[i]!.pin = '12';
    expect(validateConfig(d, kept).issues[0]).toEqual({ path: `officers.${i}.pin`, message: 'PIN is 4 to 8 digits' });
    d.officers[i]!.pin = '2468';
    expect(validateConfig(d, kept).issues).toEqual([
      { path: 'windows.1.number', message: 'duplicate window number 2' },
    ]);
  });

  it('refuses a new PIN the hub would refuse as too easy to guess, at its field', () => {
    const d = structuredClone(draft().config);
    const i = d.officers.push({ id: 'new', name: '新人', role: 'officer', pin: '1111' }) - 1;
    expect(validateConfig(d, kept).issues).toEqual([
      { path: `officers.${i}.pin`, message: expect.stringMatching(/^PIN too easy to guess/) },
    ]);
    d.officers[i]!.pin = '5830';
    expect(validateConfig(d, kept).issues).toEqual([]);
  });

  it('says (root) for something that is not a config at all', () => {
    expect(validateConfig('hall', kept).issues[0]?.path).toBe('(root)');
  });
});

describe('device keys stay in the hub', () => {
  /** The config as the hub sends it: no PIN hashes, devices without keys. */
  const sent = (): unknown => {
    const c = withoutPins(running());
    return { ...c, devices: c.devices.map(({ key: _k, ...d }) => d) };
  };
  const devices = new Set(running().devices.map((d) => d.id));
  const officers = new Set(running().officers.map((o) => o.id));

  it('a saved device without a key is valid and kept; a new one needs a key', () => {
    const held = withKeptKeys(sent()) as HallConfig;
    expect(held.devices.every((d) => d.key === KEPT_KEY)).toBe(true);
    const check = validateConfig(held, officers, devices);
    expect(check.issues).toEqual([]);
    expect(check.parsed?.devices.map((d) => d.key)).toEqual(held.devices.map(() => KEPT_KEY));
    held.devices.push({ id: 'kiosk-9', kind: 'kiosk', key: KEPT_KEY });
    expect(validateConfig(held, officers, devices).issues[0]?.path).toBe('devices.4.key');
  });

  it('is sent without the kept keys, and with a new or replaced one', () => {
    const held = withKeptKeys(sent()) as HallConfig;
    held.devices[1] = { ...held.devices[1]!, key: 'a-brand-new-key-123' };
    const wire = sendable(held) as { devices: { id: string; key?: string }[] };
    expect(wire.devices.map((d) => d.key)).toEqual([undefined, 'a-brand-new-key-123', undefined, undefined]);
    expect(JSON.stringify(wire)).not.toContain('"key":""');
  });
});

describe('message gateway secrets stay in the hub', () => {
  it('a notify webhook sent without its secret is valid, and parsed back without one', () => {
    const officers = new Set(running().officers.map((o) => o.id));
    const devices = new Set(running().devices.map((d) => d.id));
    const sent = {
      ...(withKeptKeys({
        ...withoutPins(running()),
        devices: running().devices.map(({ key: _k, ...d }) => d),
      }) as object),
      notify: { enabled: true, provider: 'webhook', webhook: { url: 'https://sms.example.cn/send' } },
    };
    const check = validateConfig(sent, officers, devices);
    expect(check.issues).toEqual([]);
    expect(check.parsed?.notify.webhook).toEqual({ url: 'https://sms.example.cn/send', timeoutMs: 5000 });
    const tooShort = {
      ...sent,
      notify: { ...sent.notify, webhook: { url: 'https://sms.example.cn/send', secret: 'x' } },
    };
    expect(validateConfig(tooShort, officers, devices).issues[0]?.path).toBe('notify.webhook.secret');
  });
});

describe('opening-hours rules', () => {
  it('finds weekdays named by more than one rule (only the first counts), Sunday as 0 or 7', () => {
    expect(shadowedDays([{ days: [1, 2, 3, 4, 5] }, { days: [6] }])).toEqual([]);
    expect(shadowedDays([{ days: [1, 2, 3, 4, 5] }, { days: [5, 6, 0] }, { days: [7] }])).toEqual([5, 7]);
  });
});
