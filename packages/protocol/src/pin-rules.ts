/**
 * PINs a manager sets through the console or the API must not be ones an attacker tries first: all one
 * digit (0000, 999999), a run up or down (1234, 4321, 7890, 123456, 0987), or one pair repeated (1212,
 * 282828). Demo and test configs loaded from a file keep their plain demo PINs (1234, 9999): the rule
 * applies to PINs set live, where a real person's PIN is made.
 */
export function isTrivialPin(pin: string): boolean {
  if (!/^\d+$/.test(pin)) return false;
  const d = [...pin].map(Number);
  const steps = d.slice(1).map((x, i) => (x - d[i]! + 10) % 10);
  if (steps.every((s) => s === 0)) return true;
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true;
  return pin.length >= 4 && pin.length % 2 === 0 && pin === pin.slice(0, 2).repeat(pin.length / 2);
}

/** The schema-style issue (English; the console puts it into Chinese) at a config's `officers.N.pin`. */
export const TRIVIAL_PIN_ISSUE = 'PIN too easy to guess (one digit, a run up or down, a repeated pair)';

export const TRIVIAL_PIN_MESSAGE =
  '密码过于简单（同一数字、顺序或倒序、重复两位），请换一个 / PIN too easy to guess (one digit, a run up or down, a repeated pair)';
