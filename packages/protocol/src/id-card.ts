const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A mainland resident ID number (GB 11643): 17 digits and a check character (0–9 or X). */
export function isValidIdCard(raw: string): boolean {
  const id = normalizeIdCard(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === id[17];
}

export function normalizeIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}

/** For screens: keep the first 3 and last 4 characters (e.g. 500***********123X). */
export function maskIdCard(raw: string): string {
  const id = normalizeIdCard(raw);
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
