import type { ReactElement, ReactNode } from 'react';
import type { HallState } from '@yichuang/engine';
import type { CityLinkView, DevicePresence } from '@yichuang/protocol';
import { deviceLabel, printerLabel, serialLabel } from '../shell/hall-names.ts';
import { clockTime, type Lang } from '../shell/make-strings.ts';
import { useOversight } from '../shell/oversight-store.ts';
import { printerStatus, type Tone } from './live-format.ts';
import { lt } from './live-strings.ts';

/** Kiosks, displays and rater screens, printers and the windows' serial devices, each with its state. */
export function DevicePanel({ lang, state }: { lang: Lang; state: HallState }): ReactElement {
  const view = useOversight((s) => s.devices);
  const tz = state.model.config.hall.timezone;
  if (view === null)
    return (
      <section className="m-card l-devices" data-testid="device-panel">
        <h2 className="m-card__title">{lt(lang, 'devices.title')}</h2>
        <p className="m-muted">{lt(lang, 'devices.loading')}</p>
      </section>
    );
  // Devices have only ids in the config: each is named by what and where it is (1号取号机, 4号窗口打印机).
  const config = state.model.config;
  return (
    <section className="m-card l-devices" data-testid="device-panel">
      <div className="m-card__head">
        <h2 className="m-card__title">{lt(lang, 'devices.title')}</h2>
      </div>
      <Group title={lt(lang, 'devices.screens')} empty={view.devices.length === 0} lang={lang}>
        {view.devices.map((d) => (
          <Row
            key={d.id}
            testId={`device-${d.id}`}
            name={deviceLabel(lang, config, d.id)}
            tone={d.connected ? 'ok' : 'danger'}
            status={lt(lang, d.connected ? 'devices.online' : 'devices.offline')}
            since={presenceSince(lang, d, tz)}
          />
        ))}
      </Group>
      <Group title={lt(lang, 'devices.printers')} empty={view.printers.length === 0} lang={lang}>
        {view.printers.map((p) => {
          const s = printerStatus(lang, p.status);
          return (
            <Row
              key={p.id}
              testId={`printer-${p.id}`}
              name={printerLabel(lang, config, p.id)}
              tone={s.tone}
              status={s.text}
              since=""
            />
          );
        })}
      </Group>
      <Group title={lt(lang, 'devices.serial')} empty={view.serialDevices.length === 0} lang={lang}>
        {view.serialDevices.map((d) => (
          <Row
            key={d.id}
            testId={`serial-${d.id}`}
            name={serialLabel(lang, config, d.id)}
            tone={d.status === 'connected' ? 'ok' : 'danger'}
            status={lt(lang, `serial.${d.status}`)}
            since=""
          />
        ))}
      </Group>
      {view.city !== null && (
        <Group title={lt(lang, 'devices.city')} empty={false} lang={lang}>
          <CityRow lang={lang} city={view.city} tz={tz} />
        </Group>
      )}
    </section>
  );
}

/** The hall's log upload to the city: in sync, behind (events in the outbox) or unreachable. The hall works on regardless. */
function CityRow({ lang, city, tz }: { lang: Lang; city: CityLinkView; tz: string }): ReactElement {
  const down = city.failures > 0;
  return (
    <Row
      testId="city-link"
      name={lt(lang, 'devices.cityLink')}
      tone={down ? 'danger' : city.pending > 0 ? 'warn' : 'ok'}
      status={
        down
          ? lt(lang, 'devices.cityDown', { n: city.pending })
          : city.pending > 0
            ? lt(lang, 'devices.cityBehind', { n: city.pending })
            : lt(lang, 'devices.cityUp')
      }
      since={
        city.lastOkAt === null
          ? lt(lang, 'devices.cityNever')
          : lt(lang, 'devices.cityLastOk', { time: clockTime(city.lastOkAt, tz) })
      }
    />
  );
}

function presenceSince(lang: Lang, d: DevicePresence, tz: string): string {
  if (d.since === null) return d.connected ? '' : lt(lang, 'devices.neverSeen');
  return lt(lang, d.connected ? 'devices.onlineSince' : 'devices.offlineSince', { time: clockTime(d.since, tz) });
}

function Group(p: { title: string; empty: boolean; lang: Lang; children: ReactNode }): ReactElement {
  return (
    <div className="l-devices__group">
      <h3 className="l-devices__title">{p.title}</h3>
      {p.empty ? <p className="m-muted l-devices__none">{lt(p.lang, 'devices.none')}</p> : <ul>{p.children}</ul>}
    </div>
  );
}

function Row(p: { testId: string; name: string; tone: Tone; status: string; since: string }): ReactElement {
  return (
    <li className="l-device" data-testid={p.testId}>
      <span className="l-device__name">{p.name}</span>
      {p.since !== '' && <span className="l-device__since m-muted m-num">{p.since}</span>}
      <span className={`m-chip m-chip--${p.tone}`}>{p.status}</span>
    </li>
  );
}
