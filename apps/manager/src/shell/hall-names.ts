import type { Lang } from './make-strings.ts';

/**
 * What the console calls the hall's things, in the manager's words: queues, matters and windows by
 * their names, officers by name and 警号, and devices, printers and serial devices, which have only an
 * id in the config, by what they are and where: 1号取号机, 综合屏, 3号窗口评价屏, 4号窗口打印机,
 * 1号窗口窗口屏. An id the config no longer has is shown as the id, said to be one.
 */

/** The parts of a config (the running one the page mirrors, or a draft) that names come from. */
export interface NamedConfig {
  queues: readonly { id: string; name: string }[];
  services: readonly { id: string; name: string }[];
  windows: readonly { id: string; name: string; number: number; printer?: string | undefined }[];
  officers: readonly { id: string; name: string }[];
  devices: readonly { id: string; kind: 'kiosk' | 'display' | 'rater'; printer?: string; window?: string }[];
  printers: readonly { id: string }[];
  serialDevices: readonly { id: string; kind: 'window-screen' | 'caller-keypad' | 'rating-pad'; window: string }[];
}

const KIND: Record<string, [string, string]> = {
  kiosk: ['取号机', 'Kiosk'],
  display: ['综合屏', 'Hall display'],
  rater: ['评价屏', 'rating screen'],
  'window-screen': ['窗口屏', 'window screen'],
  'caller-keypad': ['叫号器', 'caller keypad'],
  'rating-pad': ['评价器', 'rating pad'],
};
const kindWord = (lang: Lang, kind: string): string => (KIND[kind] ?? [kind, kind])[lang === 'zh' ? 0 : 1];

export function windowLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const w = config?.windows.find((x) => x.id === id);
  if (w !== undefined) return w.name;
  return lang === 'zh' ? `窗口（编号 ${id}）` : `window ${id}`;
}

export function queueLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const q = config?.queues.find((x) => x.id === id);
  if (q !== undefined) return q.name;
  return lang === 'zh' ? `队列（编号 ${id}）` : `queue ${id}`;
}

export function serviceLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const s = config?.services.find((x) => x.id === id);
  if (s !== undefined) return s.name;
  return lang === 'zh' ? `事项（编号 ${id}）` : `matter ${id}`;
}

/** 张警官（警号 1001）: the officer's number is their sign-in id. */
export function officerLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const o = config?.officers.find((x) => x.id === id);
  if (lang === 'en') return o === undefined ? `officer no. ${id}` : `${o.name} (no. ${id})`;
  return o === undefined ? `警号 ${id}` : `${o.name}（警号 ${id}）`;
}

/** 取号机 when the hall has one, 1号取号机 … when several; a rater screen by its window. */
export function deviceLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const d = config?.devices.find((x) => x.id === id);
  if (d === undefined || config === null)
    return lang === 'zh' ? `终端（编号 ${id}，已不在配置中）` : `device ${id} (no longer configured)`;
  if (d.kind === 'rater') {
    const win = d.window === undefined ? '' : windowLabel(lang, config, d.window);
    return lang === 'zh' ? `${win}评价屏` : `${win} rating screen`.trim();
  }
  const same = config.devices.filter((x) => x.kind === d.kind);
  if (same.length === 1) return kindWord(lang, d.kind);
  const n = same.indexOf(d) + 1;
  return lang === 'zh' ? `${n}号${kindWord(lang, d.kind)}` : `${kindWord(lang, d.kind)} ${n}`;
}

/**
 * A printer by who prints on it: 4号窗口打印机, 1号取号机打印机, 1号窗口、2号窗口共用打印机; one nobody uses
 * yet is 打印机 N（未使用）.
 */
export function printerLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const i = config?.printers.findIndex((p) => p.id === id) ?? -1;
  if (config === null || i < 0)
    return lang === 'zh' ? `打印机（编号 ${id}，已不在配置中）` : `printer ${id} (no longer configured)`;
  const users = [
    ...config.devices.filter((d) => d.kind === 'kiosk' && d.printer === id).map((d) => deviceLabel(lang, config, d.id)),
    ...config.windows.filter((w) => w.printer === id).map((w) => w.name),
  ];
  if (lang === 'en') {
    if (users.length === 0) return `Printer ${i + 1} (unused)`;
    return `${users.join(', ')} printer${users.length > 1 ? ' (shared)' : ''}`;
  }
  if (users.length === 0) return `${i + 1}号打印机（未使用）`;
  return users.length === 1 ? `${users[0]}打印机` : `${users.join('、')}共用打印机`;
}

/** 1号窗口窗口屏, 3号窗口叫号器 … */
export function serialLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  const d = config?.serialDevices.find((x) => x.id === id);
  if (d === undefined)
    return lang === 'zh' ? `串口设备（编号 ${id}，已不在配置中）` : `serial device ${id} (no longer configured)`;
  const win = windowLabel(lang, config, d.window);
  return lang === 'zh' ? `${win}${kindWord(lang, d.kind)}` : `${win} ${kindWord(lang, d.kind)}`;
}

/** Any device id the hub may name (a screen, a printer or a serial device) in words. */
export function anyDeviceLabel(lang: Lang, config: NamedConfig | null, id: string): string {
  if (config?.devices.some((d) => d.id === id)) return deviceLabel(lang, config, id);
  if (config?.serialDevices.some((d) => d.id === id)) return serialLabel(lang, config, id);
  if (config?.printers.some((p) => p.id === id)) return printerLabel(lang, config, id);
  return deviceLabel(lang, config, id);
}

const PRINTER_STATUS: Record<string, [string, string]> = {
  ok: ['正常', 'ok'],
  'paper-low': ['纸将用尽', 'paper low'],
  'paper-out': ['缺纸', 'out of paper'],
  'cover-open': ['纸仓盖打开', 'cover open'],
  offline: ['离线', 'offline'],
  unknown: ['未应答', 'not answering'],
};

export function printerStatusWord(lang: Lang, status: string): string {
  const s = PRINTER_STATUS[status];
  if (s !== undefined) return s[lang === 'zh' ? 0 : 1];
  return lang === 'zh' ? '状态未知' : status;
}

const DEVICE_STATUS: Record<string, [string, string]> = {
  connected: ['已连接', 'connected'],
  disconnected: ['未连接', 'disconnected'],
};

export function deviceStatusWord(lang: Lang, status: string): string {
  const s = DEVICE_STATUS[status];
  if (s !== undefined) return s[lang === 'zh' ? 0 : 1];
  return lang === 'zh' ? '状态未知' : status;
}
