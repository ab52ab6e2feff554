import type { ReactElement, ReactNode } from 'react';
import type { HallState } from '@yichuang/engine';
import type { DevicePresence } from '@yichuang/protocol';
import { clockTime, type Lang } from '../shell/make-strings.ts';
import { useOversight } from '../shell/oversight-store.ts';
import { windowName } from './hall-lookup.ts';
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
  // Who prints on it, so "counter-4 缺纸" reads as "4号窗口 cannot print a notice".
  const users = (printerId: string): string =>
    [
      ...state.model.config.devices
        .filter((d) => d.printer === printerId)
        .map((d) => (d.id === printerId ? lt(lang, `device.${d.kind}`) : `${lt(lang, `device.${d.kind}`)} ${d.id}`)),
      ...state.model.config.windows.filter((w) => w.printer === printerId).map((w) => w.name),
    ].join(lang === 'zh' ? '、' : ', ');
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
            name={`${lt(lang, `device.${d.kind}`)} ${d.id}`}
            detail={d.window === null ? '' : windowName(state, d.window)}
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
              name={p.id}
              detail={users(p.id)}
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
            name={`${lt(lang, `serial.${d.kind}`)} ${d.id}`}
            detail={windowName(state, d.windowId)}
            tone={d.status === 'connected' ? 'ok' : 'danger'}
            status={lt(lang, `serial.${d.status}`)}
            since=""
          />
        ))}
      </Group>
    </section>
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

function Row(p: {
  testId: string;
  name: string;
  detail: string;
  tone: Tone;
  status: string;
  since: string;
}): ReactElement {
  return (
    <li className="l-device" data-testid={p.testId}>
      <span className="l-device__name">
        {p.name}
        {p.detail !== '' && <span className="m-muted"> · {p.detail}</span>}
      </span>
      {p.since !== '' && <span className="l-device__since m-muted m-num">{p.since}</span>}
      <span className={`m-chip m-chip--${p.tone}`}>{p.status}</span>
    </li>
  );
}
