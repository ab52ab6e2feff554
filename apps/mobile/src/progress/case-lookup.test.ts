import { describe, expect, it } from 'vitest';
import { CASE_NO, tidyCaseNo } from './case-lookup.ts';

describe('the case number as typed', () => {
  it('takes lower case, spaces and full-width letters and dashes from a Chinese keyboard', () => {
    expect(tidyCaseNo(' sl20261206-001 ')).toBe('SL20261206-001');
    expect(tidyCaseNo('ＳＬ２０２６１２０６－００１')).toBe('SL20261206-001');
    expect(tidyCaseNo('SL20261206—0012')).toBe('SL20261206-0012');
    expect(CASE_NO.test(tidyCaseNo('sl 20261206-001'))).toBe(true);
  });

  it('refuses what is not a case number', () => {
    expect(CASE_NO.test(tidyCaseNo('BY20261206-001'))).toBe(false);
    expect(CASE_NO.test(tidyCaseNo('SL2026126-001'))).toBe(false);
    expect(CASE_NO.test(tidyCaseNo(''))).toBe(false);
  });
});
