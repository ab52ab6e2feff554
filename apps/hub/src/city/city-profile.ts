import type { HallConfig, HallProfile } from '@yichuang/protocol';

/**
 * The public part of the hall config that the city gets besides the log (hallProfileSchema): what a
 * citizen or a city manager may see. Officers, PINs, device keys, printer addresses and gateway
 * secrets stay in the hall.
 */
export function hallProfile(config: HallConfig, version: number): HallProfile {
  const h = config.hall;
  const allQueues = config.queues.map((q) => q.id);
  return {
    version,
    name: h.name,
    ...(h.nameEn !== undefined && { nameEn: h.nameEn }),
    timezone: h.timezone,
    hours: h.hours.map((r) => ({ days: r.days, open: r.open, close: r.close })),
    extendedServiceMinutes: h.extendedServiceMinutes,
    maxWaitMinutes: config.callRules.maxWaitMinutes,
    closedDates: h.closedDates,
    ...(h.address !== undefined && { address: h.address }),
    ...(h.phones.consult !== undefined && { phone: h.phones.consult }),
    queues: config.queues.map((q) => ({ id: q.id, prefix: q.prefix, name: q.name })),
    services: config.services.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.nameEn !== undefined && { nameEn: s.nameEn }),
      queueId: s.queue,
      ...(s.category !== undefined && { category: s.category }),
      cityWide: s.cityWide,
    })),
    windows: config.windows.map((w) => ({
      id: w.id,
      number: w.number,
      name: w.name,
      open: w.open,
      queues: w.queues === 'all' ? allQueues : w.queues,
    })),
    printers: config.printers.map((p) => ({ id: p.id })),
  };
}
