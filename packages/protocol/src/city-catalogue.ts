import { z } from 'zod';

/**
 * 全城通办 (issue 18): the city tier's public catalogue as the hub passes it to the phone pages
 * (GET /api/public/city-catalogue). Counts and the halls' public details only.
 */
const label = z.string().max(200);
const hhmm = z.string().regex(/^\d\d:\d\d$/);

export const cityCatalogueHallSchema = z.object({
  hallId: z.string().max(64),
  name: label,
  address: label.nullable(),
  phone: z.string().max(40).nullable(),
  open: z.boolean(),
  today: z.object({ open: hhmm, close: hhmm }).nullable(),
  waiting: z.number().int().min(0),
  estimatedWaitMin: z.number().min(0).nullable(),
  staffedWindows: z.number().int().min(0),
  stale: z.boolean(),
});

export const cityCatalogueSchema = z.object({
  city: label,
  at: z.number(),
  matters: z
    .array(
      z.object({
        serviceId: z.string().max(64),
        name: label,
        nameEn: label.nullable(),
        category: z.string().max(50).nullable(),
        halls: z.array(cityCatalogueHallSchema).max(500),
      }),
    )
    .max(2000),
});
export type CityCatalogueView = z.infer<typeof cityCatalogueSchema>;

export const publicCityCatalogueSchema = z.union([
  z.object({ available: z.literal(true), catalogue: cityCatalogueSchema }),
  z.object({ available: z.literal(false), reason: z.enum(['NO_CITY', 'CITY_UNREACHABLE']) }),
]);
export type PublicCityCatalogue = z.infer<typeof publicCityCatalogueSchema>;
