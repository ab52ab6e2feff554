import { describe, expect, it } from 'vitest';
import { pinResetBodySchema } from './manager.ts';
import { isTrivialPin } from './pin-rules.ts';

describe('trivial PINs', () => {
  it('refuses one digit, runs up or down (wrapping past 9) and a repeated pair', () => {
    for (const pin of [
      '0000',
      '9999',
      '11111111',
      '1234',
      '4321',
      '123456',
      '654321',
      '7890',
      '0987',
      '1212',
      '282828',
    ])
      expect(isTrivialPin(pin), pin).toBe(true);
  });

  it('accepts PINs with no such pattern', () => {
    for (const pin of ['2468', '1357', '5830', '190326', '12345670', '1231', '8642'])
      expect(isTrivialPin(pin), pin).toBe(false);
  });

  it('the PIN reset body refuses a trivial PIN with the reason', () => {
    const r = pinResetBodySchema.safeParse({ pin: '1234' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('过于简单');
    expect(pinResetBodySchema.safeParse({ pin: '5830' }).success).toBe(true);
  });
});
