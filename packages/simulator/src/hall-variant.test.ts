import { describe, expect, it } from 'vitest';
import { demoConfig, plan6 } from './demo-test-input.ts';
import { carryOverWindow, parseHallConfig, planConfig, SIM_MANAGER_ID } from './hall-variant.ts';
import { planSchema } from './input-schema.ts';

const base = parseHallConfig(demoConfig());

describe('planConfig', () => {
  it('opens the planned windows as planned and closes the others', () => {
    const config = planConfig(base, planSchema.parse(plan6()));
    const open = config.windows.filter((w) => w.open).map((w) => w.id);
    expect(open).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w7']);
    const w1 = config.windows.find((w) => w.id === 'w1')!;
    const w2 = config.windows.find((w) => w.id === 'w2')!;
    expect(w1.greenChannel).toBe(false); // the demo hall has it as its green-channel window
    expect(w2.greenChannel).toBe(true);
    expect(w2.queues).toEqual(['hukou-quick', 'hukou']);
    expect(w2.name).toBe('2号窗口');
    expect(config.windows.find((w) => w.id === 'w8')!.open).toBe(false);
  });

  it('rosters one simulated officer per planned window, and a manager', () => {
    const config = planConfig(base, planSchema.parse(plan6()));
    expect(config.roster).toHaveLength(6);
    expect(new Set(config.roster.map((r) => r.a)).size).toBe(6);
    expect(config.roster.every((r) => r.b === undefined)).toBe(true);
    expect(config.officers.some((o) => o.id === SIM_MANAGER_ID && o.role === 'manager')).toBe(true);
  });

  it('adds new windows after the hall’s numbers and takes the plan’s call rules', () => {
    const plan = planSchema.parse({
      windows: [
        { id: 'w1', greenChannel: false },
        { id: 'pop-up', queues: 'all', greenChannel: true },
      ],
      callRules: { greenMaxConsecutive: 1 },
    });
    const config = planConfig(base, plan);
    const popUp = config.windows.find((w) => w.id === 'pop-up')!;
    expect(popUp).toMatchObject({ number: 9, name: '9号窗口', queues: 'all', greenChannel: true, open: true });
    expect(config.callRules.greenMaxConsecutive).toBe(1);
    expect(config.callRules.maxWaitMinutes).toBe(base.callRules.maxWaitMinutes);
    expect(carryOverWindow(config, plan)).toBe('pop-up'); // the first green-channel window
  });

  it('does not ask simulated citizens for an ID card', () => {
    const strict = parseHallConfig({ ...(demoConfig() as object), kiosk: { oneTicketPerIdCard: true } });
    expect(planConfig(strict, planSchema.parse(plan6())).kiosk.oneTicketPerIdCard).toBe(false);
  });

  it('refuses a window planned twice', () => {
    expect(() => planConfig(base, planSchema.parse({ windows: [{ id: 'w1' }, { id: 'w1' }] }))).toThrow(/twice/);
  });
});
