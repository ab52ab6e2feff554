import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hallConfigSchema } from './config.ts';
import type { HallConfigInput } from './config.ts';
import { renderConfigSchema, schemaPath } from '../../../scripts/gen-config-schema.ts';

const repoRoot = new URL('../../../', import.meta.url);
/** The 綦江 service catalogue as published (the seed list), shipped with the demo data it became. */
const cataloguePath = new URL('db/seed/catalogue-qijiang.txt', repoRoot);
/** The hall config's field names as the public contract shows them (docs/contract.md). */
const examplePath = new URL('docs/hall-config.example.json', repoRoot);

function readJson(url: URL): HallConfigInput {
  return JSON.parse(readFileSync(url, 'utf8')) as HallConfigInput;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

/** The 24 matters of the 綦江 catalogue: 序号, 事项名称, 事项类型, 设定依据, 行使层级, 部门 (tab-separated). */
function catalogue(): { name: string; basis: string }[] {
  return readFileSync(cataloguePath, 'utf8')
    .split(/\r?\n/)
    .filter((line) => /^\d+\t/.test(line))
    .map((line) => {
      const cols = line.split('\t');
      return { name: must(cols[1], 'name column').trim(), basis: must(cols[3], 'basis column').trim() };
    });
}

const demo = (): HallConfigInput => readJson(new URL('db/seed/demo-hall.json', repoRoot));

/** The message of the issue at exactly `path` when the config is refused (fails when there is none). */
function issueAt(cfg: unknown, path: (string | number)[]): string {
  const result = hallConfigSchema.safeParse(cfg);
  expect(result.success, 'the config should be refused').toBe(false);
  const issues = (result.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const hit = issues.find((i) => i.path === path.join('.'));
  expect(hit, `an issue at ${path.join('.')}; got ${JSON.stringify(issues)}`).toBeDefined();
  return hit?.message ?? '';
}

describe('demo hall (db/seed/demo-hall.json)', () => {
  const cfg = hallConfigSchema.parse(demo());

  it('parses with hallConfigSchema', () => {
    expect(cfg.hall.id).toBe('qijiang-psb');
    expect(cfg.hall.timezone).toBe('Asia/Shanghai');
  });

  it('carries every matter of the 綦江 catalogue, by its exact name, with its legal basis', () => {
    const rows = catalogue();
    expect(rows).toHaveLength(24);
    const byName = new Map(cfg.services.map((s) => [s.name, s]));
    for (const row of rows) {
      const service = byName.get(row.name);
      expect(service, row.name).toBeDefined();
      const basis = must(service?.basis, `basis of ${row.name}`);
      expect(row.basis.startsWith(basis.replace(/……$/, '')), `basis of ${row.name}`).toBe(true);
      expect(basis.length).toBeLessThanOrEqual(620);
      expect(service?.department).toBe('区公安局');
    }
    expect(cfg.services.length).toBeGreaterThan(24);
  });

  it('gives every service a kiosk group, pinyin initials, materials, a time limit and a fee', () => {
    const categories = new Set(['户政', '出入境', '车驾管', '证明开具', '查询', '治安']);
    for (const s of cfg.services) {
      expect(categories.has(s.category ?? ''), `${s.name}: category ${s.category}`).toBe(true);
      expect(s.pinyin, s.name).toMatch(/^[a-z0-9]+$/);
      expect(s.materials.length, s.name).toBeGreaterThan(0);
      expect(s.timeLimit, s.name).toBeTruthy();
      expect(s.fee, s.name).toBeTruthy();
      expect(s.fee, `${s.name}: money is written with the full-width ￥`).not.toContain('¥');
    }
    expect(cfg.services.find((s) => s.name === '无犯罪记录证明')?.pinyin).toBe('wfzjlzm');
  });

  it('feeds every queue and serves it at some window, quick and long matters apart', () => {
    for (const q of cfg.queues) {
      expect(
        cfg.services.some((s) => s.queue === q.id),
        `a service feeds ${q.id}`,
      ).toBe(true);
    }
    expect(cfg.queues.find((q) => q.id === 'hukou-quick')?.prefix).not.toBe(
      cfg.queues.find((q) => q.id === 'hukou')?.prefix,
    );
    const green = cfg.windows.filter((w) => w.greenChannel);
    expect(green.map((w) => w.id)).toEqual(['w1']);
    expect(green[0]?.queues).toBe('all');
  });

  it('has 8 windows, each with an A and a B officer, every officer on exactly one window', () => {
    expect(cfg.windows.map((w) => w.id)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']);
    for (const w of cfg.windows) {
      const entry = cfg.roster.find((r) => r.window === w.id);
      expect(entry?.a, `A officer of ${w.id}`).toBeTruthy();
      expect(entry?.b, `B officer of ${w.id}`).toBeTruthy();
    }
    const rostered = cfg.roster.flatMap((r) => [r.a, r.b]);
    const officers = cfg.officers.filter((o) => o.role === 'officer').map((o) => o.id);
    expect(officers).toHaveLength(16);
    expect([...rostered].sort()).toEqual([...officers].sort());
    expect(cfg.officers.find((o) => o.role === 'manager')?.id).toBe('9001');
  });

  it('binds kiosks to printers and the rater to a window', () => {
    const kinds = cfg.devices.map((d) => `${d.id}:${d.kind}`);
    expect(kinds).toEqual(['kiosk-1:kiosk', 'kiosk-2:kiosk', 'display-1:display', 'rater-w1:rater']);
    for (const d of cfg.devices.filter((d) => d.kind === 'kiosk')) expect(d.printer, d.id).toBeTruthy();
    expect(cfg.devices.find((d) => d.kind === 'rater')?.window).toBe('w1');
  });
});

describe('notify (短信提醒)', () => {
  it('is off by default, with the log provider and its limits', () => {
    const cfg = hallConfigSchema.parse(demo());
    expect(cfg.notify).toEqual({
      enabled: false,
      provider: 'log',
      aheadCount: 3,
      retentionDays: 30,
      maxPerPhonePerDay: 20,
      maxAttempts: 6,
    });
  });
});

describe('docs/hall-config.example.json', () => {
  it('parses with hallConfigSchema and gets the defaults', () => {
    const cfg = hallConfigSchema.parse(readJson(examplePath));
    expect(cfg.callRules.defaultServiceMinutes).toBe(5);
    expect(cfg.hall.closedDates).toEqual([]);
  });
});

describe('hallConfigSchema refuses bad configs with a useful path', () => {
  it('a duplicate queue prefix', () => {
    const cfg = demo();
    must(cfg.queues[1], 'queue 1').prefix = must(cfg.queues[0], 'queue 0').prefix;
    expect(issueAt(cfg, ['queues', 1, 'prefix'])).toContain('prefix');
  });

  it('a service naming an unknown queue', () => {
    const cfg = demo();
    must(cfg.services[3], 'service 3').queue = 'no-such-queue';
    expect(issueAt(cfg, ['services', 3, 'queue'])).toContain('no-such-queue');
  });

  it('a roster naming an unknown officer', () => {
    const cfg = demo();
    must(cfg.roster, 'roster')[2] = { window: 'w3', a: '1005', b: '4242' };
    expect(issueAt(cfg, ['roster', 2, 'b'])).toContain('4242');
  });

  it('a rater without a window', () => {
    const cfg = demo();
    const devices = must(cfg.devices, 'devices');
    devices.push({ id: 'rater-x', kind: 'rater', key: 'demo-rater-x-key' });
    expect(issueAt(cfg, ['devices', devices.length - 1, 'window'])).toContain('window');
  });

  it('opening hours that open at or after closing', () => {
    const cfg = demo();
    cfg.hall.hours[1] = { days: [6], open: '12:00', close: '12:00' };
    expect(issueAt(cfg, ['hall', 'hours', 1, 'close'])).toContain('before close');
  });

  it('notify with a webhook provider but no webhook section', () => {
    const cfg = { ...demo(), notify: { enabled: true, provider: 'webhook' as const } };
    expect(issueAt(cfg, ['notify', 'webhook'])).toContain('webhook.url');
  });

  it('a notify gateway secret that is too short', () => {
    const cfg = {
      ...demo(),
      notify: {
        enabled: true,
        provider: 'webhook' as const,
        webhook: { url: 'https://sms.example.cn/send', secret: 'short' },
      },
    };
    expect(issueAt(cfg, ['notify', 'webhook', 'secret'])).toContain('16');
  });

  it('an unknown time zone', () => {
    const cfg = demo();
    cfg.hall.timezone = 'Asia/Chongqing-Qijiang';
    expect(issueAt(cfg, ['hall', 'timezone'])).toContain('time zone');
  });
});

describe('db/seed/hall-config.schema.json', () => {
  it('is what scripts/gen-config-schema.ts generates from hallConfigSchema (run `npm run schema`)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(renderConfigSchema());
  });

  it('describes the config as written: defaulted fields are optional', () => {
    const schema = JSON.parse(renderConfigSchema()) as { required?: string[]; properties?: Record<string, unknown> };
    expect(schema.required).toEqual(['hall', 'queues', 'services', 'windows', 'officers']);
    expect(Object.keys(schema.properties ?? {})).toEqual(Object.keys(hallConfigSchema.shape));
  });
});
