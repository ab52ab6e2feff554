import type { HallConfig } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';

/** A matter's and a queue's names in the page's language (the hall's English where it gave some). */
export function serviceName(config: HallConfig, serviceId: string, lang: Lang): string {
  const s = config.services.find((x) => x.id === serviceId);
  if (s === undefined) return serviceId;
  return lang === 'en' ? (s.nameEn ?? s.name) : s.name;
}

export function queueName(config: HallConfig, queueId: string, lang: Lang): string {
  const q = config.queues.find((x) => x.id === queueId);
  if (q === undefined) return queueId;
  return lang === 'en' ? (q.nameEn ?? q.name) : q.name;
}

export function windowName(config: HallConfig, windowId: string | null): string {
  if (windowId === null) return '';
  return config.windows.find((w) => w.id === windowId)?.name ?? windowId;
}
