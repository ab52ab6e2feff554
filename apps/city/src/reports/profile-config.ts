import { hallConfigSchema, type HallConfig, type HallProfile } from '@yichuang/protocol';

/**
 * A hall config made from the hall's public profile: enough for the hall's own report fold (time
 * zone, hours, queues, windows, matters). It has no officers: the city knows them by id only.
 */
export function configFromProfile(hallId: string, p: HallProfile): HallConfig {
  return hallConfigSchema.parse({
    hall: {
      id: hallId,
      name: p.name,
      timezone: p.timezone,
      hours: p.hours,
      closedDates: p.closedDates,
      extendedServiceMinutes: p.extendedServiceMinutes,
    },
    queues: p.queues.map((q) => ({ id: q.id, prefix: q.prefix, name: q.name })),
    services: p.services.map((s) => ({ id: s.id, name: s.name, queue: s.queueId })),
    windows: p.windows.map((w) => ({ id: w.id, number: w.number, name: w.name, queues: w.queues, open: w.open })),
    officers: [],
  });
}
