import { describe, expect, it } from 'vitest';
import { isValidIdCard, maskIdCard } from './id-card.ts';

describe('ID-card numbers', () => {
  it('accepts numbers whose check character matches (GB 11643), lower-case x too', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('11010519491231002x')).toBe(true);
    expect(isValidIdCard('440524188001010014')).toBe(true);
  });
  it('refuses a wrong check character, a bad date or the wrong length', () => {
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard('110105194913310025')).toBe(false);
    expect(isValidIdCard('1101051949123100')).toBe(false);
    expect(isValidIdCard('')).toBe(false);
  });
  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110***********002X');
  });
});
