import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, type CityDb } from '../../apps/city/src/city-db.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { prepareCity, verifyCity } from '../../apps/city/src/ingest.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { cityConfigFor, freePort, hallWorkload } from '../support/city-harness.ts';

const ids = ['hall-1', 'hall-2'];
const { config, keys } = cityConfigFor(ids);

async function until(cond: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a WAN cut between the halls and the city', () => {
  const hubs: Harness[] = [];
  let db: CityDb;
  let city: CityServer | null = null;
  afterAll(async () => {
    for (const h of hubs) await h.close();
    await city?.close();
    await db?.close();
  });

  it('loses nothing: the halls keep serving, and the city catches up and verifies clean', async () => {
    db = await openPglite();
    await prepareCity(db, config.halls);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    city = createCityServer({ db, config, log: () => undefined });
    await city.listen(port);
    for (const id of ids)
      hubs.push(
        await startHub({
          ...testHallConfig(),
          city: { url, hallId: id, hallKey: keys.get(id)!, batchSize: 25, intervalMs: 100, timeoutMs: 1000 },
        }),
      );
    const caughtUp = async (): Promise<boolean> => {
      const rows = await db.query<{ hall_id: string; acked_seq: number }>(
        'SELECT hall_id, acked_seq FROM halls ORDER BY hall_id',
      );
      return rows.every(
        (r, i) => r.acked_seq === hubs[i]!.hub.bus.lastSeq && hubs[i]!.hub.cityPush.status().ackedSeq === r.acked_seq,
      );
    };

    // Linked: a morning at each hall reaches the city.
    await Promise.all(hubs.map((h, i) => hallWorkload(h, 10 + i * 4, 'before')));
    await until(caughtUp, 20_000, 'the city to catch up before the cut');

    // The WAN goes down: the city is stopped; the halls go on serving.
    await city.close();
    city = null;
    const ackedAtCut = hubs.map((h) => h.hub.cityPush.status().ackedSeq);
    const started = Date.now();
    await Promise.all(hubs.map((h, i) => hallWorkload(h, 12 + i * 3, 'during', false)));
    await until(() => hubs.every((h) => h.hub.cityPush.status().failures >= 2), 10_000, 'failed pushes during the cut');
    const commandsDuringCut = Date.now() - started;
    for (const [i, h] of hubs.entries()) {
      expect(h.hub.bus.lastSeq).toBeGreaterThan(ackedAtCut[i]! + 30);
      expect(h.hub.cityPush.status().ackedSeq).toBe(ackedAtCut[i]);
    }
    // Nothing at a window waited on the city (two halls' work, dozens of commands, in well under the push timeout each).
    expect(commandsDuringCut).toBeLessThan(20_000);

    // The link returns: the same city (same database) on the same address.
    city = createCityServer({ db, config, log: () => undefined });
    await city.listen(port);
    for (const h of hubs) h.hub.cityPush.nudge();
    await until(caughtUp, 30_000, 'the city to catch up after the cut');

    const report = await verifyCity(db);
    expect(report.ok, JSON.stringify(report)).toBe(true);
    // Each hall's public profile came with its log: its windows and matters, for the console and 全城通办.
    const profiles = await db.query<{ hall_id: string; profile: { windows: unknown[]; services: unknown[] } }>(
      'SELECT hall_id, profile FROM city_hall_profiles ORDER BY hall_id',
    );
    expect(profiles.map((p) => p.hall_id)).toEqual(ids);
    for (const p of profiles) {
      expect(p.profile.windows).toHaveLength(testHallConfig().windows.length);
      expect(p.profile.services).toHaveLength(testHallConfig().services.length);
    }
    // The outbox is empty again and the console's device panel says so.
    for (const h of hubs) expect(h.hub.cityPush.status()).toMatchObject({ pending: 0, failures: 0 });
    for (const [i, h] of hubs.entries()) {
      const hubCount = (h.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
      const cityCount = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM city_tickets WHERE hall_id = $1',
        [ids[i]],
      );
      expect(cityCount[0]!.n).toBe(hubCount);
      const hubDone = (h.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'done'").get() as { n: number })
        .n;
      const cityDone = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM city_tickets WHERE hall_id = $1 AND status = 'done'",
        [ids[i]],
      );
      expect(cityDone[0]!.n).toBe(hubDone);
      const events = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hall_events WHERE hall_id = $1', [
        ids[i],
      ]);
      expect(events[0]!.n).toBe(h.hub.bus.lastSeq);
    }
  }, 90_000);
});
