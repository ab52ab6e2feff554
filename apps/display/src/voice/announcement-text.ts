/**
 * What a call sounds like: "请 A001 号 到 3 号窗口 办理". Ticket numbers are read digit by digit
 * (零一二…) and letters as letters, so "A010" never becomes "A十"; the window number is a plain
 * cardinal (十二号窗口) because that is how people say it.
 */

export interface CallToSay {
  /** The ticket number, e.g. "A001" (letters then digits). */
  number: string;
  windowNumber: number;
}

export interface Announcement extends CallToSay {
  /** As shown and logged: "请 A001 号 到 3 号窗口 办理". */
  text: string;
  /** What a Chinese speech engine is given: digits written as characters so none reads "001" as 一. */
  spokenZh: string;
  /** "Number A 0 0 1, please go to window 3". */
  en: string;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function zhDigit(d: number): string {
  return ZH_DIGITS[d] ?? '';
}

/** Only letters and digits are spoken; anything else in a number is skipped. */
export function symbolsOf(code: string): string[] {
  return [...code.toUpperCase()].filter((c) => /[A-Z0-9]/.test(c));
}

/** "A001" → "A零零一". */
export function readCodeZh(code: string): string {
  return symbolsOf(code)
    .map((c) => (/\d/.test(c) ? zhDigit(Number(c)) : c))
    .join('');
}

/** 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十. */
export function windowNumberZh(n: number): string {
  return cardinalParts(n)
    .map((p) => (p === 'shi' ? '十' : p === 'bai' ? '百' : zhDigit(Number(p))))
    .join('');
}

/**
 * The same cardinal as clip names: digits "0"–"9" and the place words "shi" (十) and "bai" (百).
 * Numbers over 999 (not a window number) are read digit by digit.
 */
export function cardinalParts(n: number): string[] {
  const v = Math.trunc(Math.abs(n));
  if (v < 10) return [String(v)];
  if (v > 999) return [...String(v)];
  const h = Math.floor(v / 100);
  const t = Math.floor((v % 100) / 10);
  const u = v % 10;
  const out: string[] = [];
  if (h > 0) out.push(String(h), 'bai');
  if (t > 0) {
    // 十二, not 一十二; but 一百一十二.
    if (!(h === 0 && t === 1)) out.push(String(t));
    out.push('shi');
  } else if (h > 0 && u > 0) {
    out.push('0');
  }
  if (u > 0) out.push(String(u));
  return out;
}

export function buildAnnouncement(call: CallToSay): Announcement {
  const code = symbolsOf(call.number).join('');
  const w = Math.trunc(call.windowNumber);
  return {
    number: code,
    windowNumber: w,
    text: `请 ${code} 号 到 ${w} 号窗口 办理`,
    spokenZh: `请，${readCodeZh(code)}号，到${windowNumberZh(w)}号窗口办理`,
    en: `Number ${symbolsOf(code).join(' ')}, please go to window ${w}`,
  };
}

/** The fixed words of a call, as clip names (see README: the clip folder). */
export const WORD_CLIPS = {
  qing: '请',
  hao: '号',
  dao: '到',
  'hao-chuangkou': '号窗口',
  banli: '办理',
} as const;

/** Clips a hall must provide; "shi", "bai" and "chime" are optional. */
export const REQUIRED_CLIPS: readonly string[] = [
  ...Object.keys(WORD_CLIPS),
  ...'0123456789'.split(''),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''),
];
export const OPTIONAL_CLIPS: readonly string[] = ['shi', 'bai', 'chime'];

/**
 * The clips of one call, in order. Without the 十/百 clips the window number is read digit by
 * digit (十二号 becomes 一二号), which a hall can avoid by recording shi and bai.
 */
export function clipSequence(a: CallToSay, cardinal: boolean): string[] {
  const w = Math.trunc(a.windowNumber);
  const windowClips = cardinal ? cardinalParts(w) : [...String(w)];
  return ['qing', ...symbolsOf(a.number), 'hao', 'dao', ...windowClips, 'hao-chuangkou', 'banli'];
}
