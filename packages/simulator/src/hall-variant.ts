import { hallConfigSchema, type HallConfig, type HallConfigInput, type WindowConfig } from '@yichuang/protocol';
import type { Plan } from './input-schema.ts';
import { SimulationError } from './simulation-error.ts';

/** The officer the simulator signs in at a planned window (one per window, no B role). */
export const simOfficerId = (index: number): string => `sim-${index + 1}`;
export const SIM_MANAGER_ID = 'sim-manager';

export function parseHallConfig(raw: unknown): HallConfig {
  const parsed = hallConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SimulationError(`大厅配置无效 / invalid hall config: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/**
 * The hall config as the plan has it: the planned windows open (with the plan's queues and green
 * flag), every other window closed, one simulated officer rostered per planned window, and the
 * plan's call rules. One ticket per ID card is switched off: every simulated citizen is a
 * different person, so the check could never refuse anyone.
 */
export function planConfig(base: HallConfig, plan: Plan): HallConfig {
  const planned = new Map(plan.windows.map((w) => [w.id, w]));
  if (planned.size !== plan.windows.length) throw new SimulationError('方案中窗口重复 / a window is planned twice');
  let nextNumber = Math.max(0, ...base.windows.map((w) => w.number)) + 1;
  const windows: WindowConfig[] = base.windows.map((w) => ({ ...w, open: false }));
  const byId = new Map(windows.map((w, i) => [w.id, i]));
  for (const p of plan.windows) {
    const at = byId.get(p.id);
    const existing = at === undefined ? undefined : windows[at];
    if (existing === undefined && p.queues === undefined)
      throw new SimulationError(`新窗口 ${p.id} 须指定 queues / the new window ${p.id} needs its queues`);
    const number = p.number ?? existing?.number ?? nextNumber++;
    const w: WindowConfig = {
      ...(existing ?? { id: p.id, name: `${number}号窗口`, greenChannel: false }),
      number,
      name: p.name ?? existing?.name ?? `${number}号窗口`,
      queues: p.queues ?? existing!.queues,
      greenChannel: p.greenChannel ?? existing?.greenChannel ?? false,
      open: true,
    };
    if (at === undefined) windows.push(w);
    else windows[at] = w;
  }
  for (const pause of plan.pauses)
    if (!planned.has(pause.window))
      throw new SimulationError(`暂停的窗口 ${pause.window} 不在方案中 / paused window is not planned`);
  if (plan.carryOverWindow !== undefined && !planned.has(plan.carryOverWindow))
    throw new SimulationError(`顺延窗口 ${plan.carryOverWindow} 不在方案中 / carry-over window is not planned`);

  const input: HallConfigInput = {
    ...base,
    windows,
    officers: [
      ...plan.windows.map((w, i) => ({
        id: simOfficerId(i),
        name: `模拟民警 ${w.id}`,
        role: 'officer' as const,
        pin: '0000',
      })),
      { id: SIM_MANAGER_ID, name: '模拟带班领导', role: 'manager', pin: '0000' },
    ],
    roster: plan.windows.map((w, i) => ({ window: w.id, a: simOfficerId(i) })),
    callRules: { ...base.callRules, ...plan.callRules },
    kiosk: { ...base.kiosk, oneTicketPerIdCard: false },
  };
  return parseHallConfig(input);
}

/** The window where tickets left at closing are promised for the next day. */
export function carryOverWindow(config: HallConfig, plan: Plan): string {
  if (plan.carryOverWindow !== undefined) return plan.carryOverWindow;
  const ids = new Set(plan.windows.map((w) => w.id));
  const green = config.windows.find((w) => ids.has(w.id) && w.greenChannel);
  return green?.id ?? plan.windows[0]!.id;
}
