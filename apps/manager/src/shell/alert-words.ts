import type { Alert } from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import {
  anyDeviceLabel,
  printerLabel,
  printerStatusWord,
  queueLabel,
  windowLabel,
  type NamedConfig,
} from './hall-names.ts';
import type { Lang } from './make-strings.ts';

/**
 * An alert in the manager's words. The hub words printer faults and devices gone offline by their ids
 * ("打印机 counter-4 缺纸", "取号机 kiosk-1 已离线 5 分钟"); the console says which printer or screen it
 * is ("4号窗口打印机 缺纸", "1号取号机 已离线 5 分钟"). Other alerts already name their window or queue.
 */
export function alertText(
  lang: Lang,
  a: Pick<Alert, 'kind' | 'subject' | 'message'>,
  config: NamedConfig | null,
): string {
  const zh = lang === 'zh';
  if (a.kind === 'printer-fault') {
    const cut = a.subject.lastIndexOf(':');
    const [id, status] = cut < 0 ? [a.subject, ''] : [a.subject.slice(0, cut), a.subject.slice(cut + 1)];
    return `${printerLabel(lang, config, id)} ${printerStatusWord(lang, status)}`;
  }
  if (a.kind === 'device-offline') {
    const name = anyDeviceLabel(lang, config, a.subject);
    if (config?.serialDevices.some((d) => d.id === a.subject)) return zh ? `${name} 未连接` : `${name} not connected`;
    const minutes = /已离线 (\d+) 分钟/.exec(a.message)?.[1];
    if (minutes === undefined) return zh ? `${name} 已离线` : `${name} offline`;
    return zh ? `${name} 已离线 ${minutes} 分钟` : `${name} offline for ${minutes} min`;
  }
  const text = hubMessage(a.message, lang);
  // The English half of a long wait starts with the queue's id.
  if (a.kind === 'long-wait' && text.startsWith(`${a.subject}:`))
    return `${queueLabel(lang, config, a.subject)}${text.slice(a.subject.length)}`;
  return text;
}

/** What an alert is about, for the audit log of its acknowledgement: a window, a queue, a printer, a device. */
export function alertSubject(lang: Lang, kind: string, subject: string, config: NamedConfig | null): string {
  switch (kind) {
    case 'empty-post':
    case 'not-signed-in':
    case 'help-requested':
      return windowLabel(lang, config, subject);
    case 'long-wait':
      return queueLabel(lang, config, subject);
    case 'printer-fault':
    case 'device-offline':
      return alertText(lang, { kind, subject, message: '' }, config);
    case 'case-overdue':
      return lang === 'zh' ? `受理件 ${subject}` : `case ${subject}`;
    default:
      return subject;
  }
}
