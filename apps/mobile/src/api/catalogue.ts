import { z } from 'zod';

/**
 * `GET /api/catalogue` as the phone reads it: the fields it shows, parsed before use. `bookable` is
 * new (a hub without booking leaves it out: nothing is bookable there).
 */
const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  queue: z.string(),
  category: z.string(),
  materials: z.array(z.string()),
  timeLimit: z.string().optional(),
  fee: z.string().optional(),
  basis: z.string().optional(),
  department: z.string().optional(),
  pinyin: z.string().optional(),
  nameEn: z.string().optional(),
  materialsEn: z.array(z.string()).optional(),
  timeLimitEn: z.string().optional(),
  feeEn: z.string().optional(),
  departmentEn: z.string().optional(),
  bookable: z.boolean().default(false),
  /** 线上取号 for this matter's queue (older hubs: absent, none). */
  remote: z.boolean().default(false),
  /** 全城通办: handled at any hall of the city (older hubs: absent, not). */
  cityWide: z.boolean().default(false),
});

export const mobileCatalogueSchema = z.object({
  hall: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    timezone: z.string(),
    hours: z.array(z.object({ days: z.array(z.number().int()), open: z.string(), close: z.string() })),
    closedDates: z.array(z.string()).default([]),
    phones: z.object({ consult: z.string().optional(), complaint: z.string().optional() }).default({}),
    /** Shown when a hub's config gives it (an older hub does not). */
    address: z.string().optional(),
    addressEn: z.string().optional(),
    day: z.string(),
    phase: z.enum(['before-open', 'open', 'extended', 'closed']),
    today: z.object({ open: z.string(), close: z.string() }).nullable(),
  }),
  queues: z.array(z.object({ id: z.string(), prefix: z.string(), name: z.string(), nameEn: z.string().optional() })),
  services: z.array(serviceSchema),
  windows: z.array(z.object({ id: z.string(), number: z.number().int(), name: z.string() })),
  /** 线上取号: minutes after the call a ticket not checked in is skipped (older hubs: absent). */
  remote: z.object({ graceMinutes: z.number() }).optional(),
  kiosk: z
    .object({
      appointmentCheckIn: z.object({ earlyMinutes: z.number(), lateMinutes: z.number() }).optional(),
    })
    .default({}),
});

export type MobileCatalogue = z.infer<typeof mobileCatalogueSchema>;
export type MobileService = MobileCatalogue['services'][number];

/** The catalogue, parsed; null when the hub is unreachable or answers something else. */
export async function fetchCatalogue(): Promise<MobileCatalogue | null> {
  try {
    const res = await fetch('/api/catalogue', { cache: 'no-store' });
    if (!res.ok) return null;
    const parsed = mobileCatalogueSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
