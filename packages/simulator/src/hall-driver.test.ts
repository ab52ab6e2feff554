import { chooseNext, localToEpoch } from '@yichuang/engine';
import type { Actor, DomainEvent } from '@yichuang/protocol';
import { describe, expect, it } from 'vitest';
import { MONDAY, demoConfig, plan6 } from './demo-test-input.ts';
import { HallDriver } from './hall-driver.ts';
import { parseHallConfig, planConfig, simOfficerId } from './hall-variant.ts';
import { planSchema } from './input-schema.ts';
import { Rng } from './prng.ts';

const kiosk: Actor = { kind: 'device', role: 'kiosk', deviceId: 'k' };

describe('HallDriver', () => {
  const plan = planSchema.parse(plan6());
  const config = planConfig(parseHallConfig(demoConfig()), plan);
  const open = config.windows.filter((w) => w.open);

  it('says a window has a ticket to call exactly when the engine would call one', () => {
    const events: DomainEvent[] = [];
    const driver = new HallDriver(config, MONDAY, (e) => events.push(e));
    let now = localToEpoch(MONDAY, '09:00', 'Asia/Shanghai');
    driver.addBoundaries([now]);
    plan.windows.forEach((w, i) => {
      const actor: Actor = { kind: 'officer', role: 'officer', officerId: simOfficerId(i) };
      expect(
        driver.run(
          { name: 'window:sign-in', payload: { requestId: driver.nextRequestId(), windowId: w.id } },
          actor,
          now,
        ).ok,
      ).toBe(true);
    });
    const rng = new Rng(5);
    const services = config.services.map((s) => s.id);
    let checks = 0;
    for (let step = 0; step < 300; step++) {
      now += 20_000;
      if (rng.chance(0.6)) {
        const serviceId = services[Math.floor(rng.next() * services.length)]!;
        const green = rng.chance(0.1);
        driver.run(
          {
            name: 'ticket:take',
            payload: { requestId: driver.nextRequestId(), serviceId, ...(green ? { green } : {}) },
          },
          kiosk,
          now,
        );
      } else {
        const i = Math.floor(rng.next() * plan.windows.length);
        const windowId = plan.windows[i]!.id;
        const actor: Actor = { kind: 'officer', role: 'officer', officerId: simOfficerId(i) };
        const busy = driver.state.windows.get(windowId)!.ticketId !== null;
        const name = busy ? 'window:finish' : 'window:call-next';
        expect(driver.run({ name, payload: { requestId: driver.nextRequestId(), windowId } }, actor, now).ok).toBe(
          true,
        );
      }
      for (const w of open) {
        expect(driver.hasEligible(w)).toBe(chooseNext(driver.state, w.id, now) !== null);
        checks++;
      }
    }
    const waiting = [...driver.state.tickets.values()].filter((t) => t.status === 'waiting').length;
    expect(driver.waitingCount).toBe(waiting);
    expect([...driver.waitingByQueue().values()].reduce((a, b) => a + b, 0)).toBe(waiting);
    expect(checks).toBe(300 * open.length);
    expect(events.some((e) => e.type === 'ticket:called')).toBe(true);
  });
});
