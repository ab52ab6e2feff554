import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hallConfigSchema, type HallConfigInput } from './config.ts';

const demo = (): HallConfigInput =>
  JSON.parse(readFileSync(new URL('../../../db/seed/demo-hall.json', import.meta.url), 'utf8')) as HallConfigInput;

const CJK = /[\u3400-\u9fff\uff01-\uff5e]/;

describe('English names in the catalogue', () => {
  it('the demo hall gives English for the hall, every queue and every matter, one material for one', () => {
    const cfg = hallConfigSchema.parse(demo());
    expect(cfg.hall.nameEn).toBe('Qijiang District Public Security Bureau Service Hall');
    for (const q of cfg.queues) expect(q.nameEn, q.id).toMatch(/^[A-Z]/);
    expect(cfg.services).toHaveLength(36);
    for (const s of cfg.services) {
      const english = [s.nameEn, s.timeLimitEn, s.feeEn, s.departmentEn, ...(s.materialsEn ?? [])];
      for (const text of english) {
        expect(text, s.id).toBeTypeOf('string');
        expect(text, s.id).not.toMatch(CJK);
      }
      expect(s.materialsEn, s.id).toHaveLength(s.materials.length);
    }
  });

  it('refuses English materials that do not pair one for one with the Chinese', () => {
    const cfg = demo();
    const passport = cfg.services.find((s) => s.id === 'passport')!;
    passport.materialsEn = ['Resident ID card'];
    const res = hallConfigSchema.safeParse(cfg);
    expect(res.success).toBe(false);
    const i = cfg.services.indexOf(passport);
    expect(res.error?.issues.map((x) => [x.path.join('.'), x.message])).toContainEqual([
      `services.${i}.materialsEn`,
      `materialsEn has 1 entries, materials has ${passport.materials?.length}`,
    ]);
  });

  it('leaves the English out in older configs: every field is optional', () => {
    const cfg = demo();
    for (const s of cfg.services) {
      delete s.nameEn;
      delete s.materialsEn;
      delete s.timeLimitEn;
      delete s.feeEn;
      delete s.departmentEn;
    }
    for (const q of cfg.queues) delete q.nameEn;
    delete cfg.hall.nameEn;
    expect(hallConfigSchema.safeParse(cfg).success).toBe(true);
  });
});
