import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetAppointment, keepAppointment, keptAppointments, keptPhone, MAX_KEPT } from './appointments.ts';

/** 我的预约's memory on the phone: localStorage, newest first, bounded, codes matched in any case. */
describe('kept appointments', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps the newest first and never more than MAX_KEPT', () => {
    for (let i = 0; i < MAX_KEPT + 5; i++) keepAppointment(`C${i}`, '13800000000');
    const kept = keptAppointments();
    expect(kept).toHaveLength(MAX_KEPT);
    expect(kept[0]!.code).toBe(`C${MAX_KEPT + 4}`);
    expect(kept.some((k) => k.code === 'C0')).toBe(false);
  });

  it('moves a code kept again to the top, whatever its case, and forgets it on request', () => {
    keepAppointment('AB12', '13800000001');
    keepAppointment('CD34', '13800000002');
    keepAppointment('ab12', '13800000001');
    expect(keptAppointments().map((k) => k.code)).toEqual(['ab12', 'CD34']);
    expect(keptPhone('AB12')).toBe('13800000001');
    forgetAppointment('Ab12');
    expect(keptAppointments().map((k) => k.code)).toEqual(['CD34']);
  });

  it('reads a damaged or foreign value as nothing kept', () => {
    store.set('yichuang.mobile.appointments', '{"not":"a list"}');
    expect(keptAppointments()).toEqual([]);
    store.set('yichuang.mobile.appointments', 'not json');
    expect(keptAppointments()).toEqual([]);
  });
});
