import { describe, expect, it } from 'vitest';
import { hallConfigSchema, type HallConfig } from '@yichuang/protocol';
import { testHallConfig } from '../../../../tests/support/test-hall.ts';
import { checkImport } from './import-check.ts';

function running(): HallConfig {
  const c = hallConfigSchema.parse(testHallConfig({ windows: 2 }));
  return { ...c, officers: c.officers.map(({ pin: _p, ...o }) => ({ ...o, pinHash: `scrypt$${o.id}` })) };
}

describe('checking a file before it is imported', () => {
  it('refuses what is not JSON, or not a JSON object, with the reason', () => {
    const broken = checkImport('{"hall": ', running());
    expect(broken.kind).toBe('not-json');
    expect(broken.kind === 'not-json' && broken.reason).toMatch(/JSON/);
    expect(checkImport('[1, 2]', running())).toEqual({ kind: 'not-json', reason: 'the file holds no JSON object' });
  });

  it('refuses a config the schema refuses, with every issue', () => {
    const c = running();
    c.services[0]!.queue = 'nowhere';
    const res = checkImport(JSON.stringify(c), running());
    expect(res).toEqual({
      kind: 'invalid',
      issues: [
        { path: 'services.0.queue', message: 'unknown queue "nowhere"' },
        // The matter left its queue, so the queue's booking rule no longer holds it.
        { path: 'booking.queues.0.serviceIds.0', message: '"cert" is not a matter of queue "quick"' },
      ],
      config: c,
    });
  });

  it('finds no change in the exported file itself', () => {
    const c = running();
    const res = checkImport(JSON.stringify(c, null, 2), c);
    expect(res).toMatchObject({ kind: 'ok', diffs: [], pinChanges: [], otherHall: null });
  });

  it('an exported file (no PIN hashes, no device keys) imports back as no change', () => {
    const c = running();
    const exported = {
      ...c,
      officers: c.officers.map(({ pinHash: _h, ...o }) => o),
      devices: c.devices.map(({ key: _k, ...d }) => d),
    };
    const held = { ...c, devices: c.devices.map((d) => ({ ...d, key: '' })) };
    expect(checkImport(JSON.stringify(exported), held)).toMatchObject({ kind: 'ok', diffs: [], pinChanges: [] });
  });

  it('refuses a file setting a PIN too easy to guess', () => {
    const file = running();
    const officers = file.officers.map(({ pinHash: _h, ...o }) => (o.id === 'a1' ? { ...o, pin: '1234' } : o));
    const res = checkImport(JSON.stringify({ ...file, officers }), running());
    expect(res.kind === 'invalid' && res.issues.map((i) => i.path)).toEqual(['officers.0.pin']);
  });

  it('names what changes, PINs the file sets, and a file of another hall', () => {
    const file = running();
    file.hall.id = 'other-hall';
    file.services.push({ id: 'residence', name: '居住证办理', queue: 'quick', materials: [], cityWide: false });
    const officers = file.officers.map(({ pinHash: _h, ...o }) => (o.id === 'a1' ? { ...o, pin: '5830' } : o));
    const res = checkImport(JSON.stringify({ ...file, officers }), running());
    expect(res.kind).toBe('ok');
    if (res.kind !== 'ok') return;
    expect(res.otherHall).toBe('other-hall');
    expect(res.pinChanges).toEqual(['甲1']);
    expect(res.diffs.map((d) => d.section)).toEqual(['hall', 'services']);
    expect(res.diffs[1]).toMatchObject({ added: ['居住证办理'] });
  });
});
