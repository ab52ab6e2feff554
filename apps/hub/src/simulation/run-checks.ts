import { hoursOn } from '@yichuang/engine';
import { fail, type DomainError, type HallConfig } from '@yichuang/protocol';
import { planConfig, planSchema, SimulationError, type PlanInput, type RateCurveInput } from '@yichuang/simulator';
import { MAX_CURVE_ARRIVALS } from './run-request.ts';

const ZH_NAMES = ['方案A', '方案B'];
const EN_NAMES = ['plan A', 'plan B'];

/**
 * What the schema cannot see: references to the hall's queues and windows, and a curve no hall
 * could have. Checked on the hub's thread (it takes well under a millisecond), so a refusal names
 * its field and comes at once, in the manager's words.
 */
export function checkPlan(config: HallConfig, plan: PlanInput, index: number): DomainError | null {
  const zhName = ZH_NAMES[index] ?? `方案${index + 1}`;
  const enName = EN_NAMES[index] ?? `plan ${index + 1}`;
  const at = `plans.${index}`;
  const queues = new Set(config.queues.map((q) => q.id));
  const known = new Map(config.windows.map((w) => [w.id, w]));
  const seen = new Set<string>();
  const numbers = new Map<number, string>();
  let next = Math.max(0, ...config.windows.map((w) => w.number)) + 1;
  for (const [j, w] of plan.windows.entries()) {
    const label = w.name ?? known.get(w.id)?.name ?? w.id;
    if (seen.has(w.id))
      return fail(
        'VALIDATION_FAILED',
        `${zhName}中 ${label} 出现两次 / ${enName}: ${w.id} twice`,
        `${at}.windows.${j}`,
      );
    seen.add(w.id);
    if (!known.has(w.id) && w.queues === undefined)
      return fail(
        'VALIDATION_FAILED',
        `${zhName}的新窗口 ${label} 须选择办理的队列 / ${enName}: the new window ${w.id} needs its queues`,
        `${at}.windows.${j}.queues`,
      );
    const unknown = Array.isArray(w.queues) ? w.queues.find((q) => !queues.has(q)) : undefined;
    if (unknown !== undefined)
      return fail(
        'VALIDATION_FAILED',
        `${zhName}的 ${label} 办理的队列 ${unknown} 不存在 / ${enName}: unknown queue ${unknown}`,
        `${at}.windows.${j}.queues`,
      );
    const number = w.number ?? known.get(w.id)?.number ?? next++;
    const other = numbers.get(number);
    if (other !== undefined)
      return fail(
        'VALIDATION_FAILED',
        `${zhName}中 ${other} 与 ${label} 窗口号同为 ${number} / ${enName}: two windows numbered ${number}`,
        `${at}.windows.${j}.number`,
      );
    numbers.set(number, label);
  }
  for (const [j, p] of (plan.pauses ?? []).entries())
    if (!seen.has(p.window))
      return fail(
        'VALIDATION_FAILED',
        `${zhName}安排了暂停的窗口 ${p.window} 不在方案中 / ${enName}: paused window ${p.window} is not planned`,
        `${at}.pauses.${j}.window`,
      );
  if (plan.carryOverWindow !== undefined && !seen.has(plan.carryOverWindow))
    return fail(
      'VALIDATION_FAILED',
      `${zhName}的顺延窗口 ${plan.carryOverWindow} 不在方案中 / ${enName}: carry-over window is not planned`,
      `${at}.carryOverWindow`,
    );
  // Whatever else the hall's own config rules say of the variant (the simulator builds the same one).
  try {
    planConfig(config, planSchema.parse(plan));
  } catch (err) {
    if (!(err instanceof SimulationError)) throw err;
    // Its message is "中文 / English: the config's own findings": the findings go to both languages.
    const cut = err.message.indexOf(' / ');
    const [zh, en] = cut < 0 ? [err.message, err.message] : [err.message.slice(0, cut), err.message.slice(cut + 3)];
    return fail('VALIDATION_FAILED', `${zhName}：${zh}（${en}） / ${enName}: ${en}`, at);
  }
  return null;
}

export function checkCurve(config: HallConfig, curve: RateCurveInput): DomainError | null {
  const queues = new Set(config.queues.map((q) => q.id));
  const queueOf = new Map(config.services.map((s) => [s.id, s.queue]));
  let total = 0;
  for (const [i, q] of curve.queues.entries()) {
    const at = `demand.curve.queues.${i}`;
    if (!queues.has(q.queue))
      return fail('VALIDATION_FAILED', `没有队列 ${q.queue} / unknown queue ${q.queue}`, `${at}.queue`);
    for (const id of Object.keys(q.services ?? {}))
      if (queueOf.get(id) !== q.queue)
        return fail(
          'VALIDATION_FAILED',
          `队列 ${q.queue} 没有事项 ${id} / queue ${q.queue} has no matter ${id}`,
          `${at}.services`,
        );
    total += Object.values(q.perHour).reduce((a, b) => a + b, 0);
  }
  if (total > MAX_CURVE_ARRIVALS)
    return fail(
      'VALIDATION_FAILED',
      `客流曲线一天约 ${Math.round(total)} 人，超过上限 ${MAX_CURVE_ARRIVALS} / ` +
        `the curve brings about ${Math.round(total)} people a day, over the limit of ${MAX_CURVE_ARRIVALS}`,
      'demand.curve',
    );
  return null;
}

/**
 * The simulated day must have hours. Extended service that runs past midnight is simulated up to
 * midnight, where the engine turns the day (see @yichuang/simulator serviceSpan).
 */
export function checkOpenDay(config: HallConfig, day: string): DomainError | null {
  if (hoursOn(config.hall, day) === null)
    return fail('VALIDATION_FAILED', `大厅 ${day} 不开放，无从模拟 / the hall is closed on ${day}`, 'on');
  return null;
}
