import { useState, type ReactElement, type ReactNode } from 'react';
import type { DeviceConfig, HallConfig } from '@yichuang/protocol';
import { deviceLabel, printerLabel } from '../shell/hall-names.ts';
import { useManager } from '../shell/manager-store.ts';
import { useOversight } from '../shell/oversight-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem, useConfig } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { generateKey, setupUrl } from './device-key.ts';
import { isNewRow, KEPT_KEY } from './draft-model.ts';
import { FieldShell, IdField, SelectField, TextField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { ConfirmDialog } from './list-tools.tsx';
import { MasterDetail } from './master-detail.tsx';
import { SerialDevicesCard } from './serial-devices-card.tsx';

const KINDS = ['kiosk', 'display', 'rater'] as const;

/**
 * A saved device's key stays in the hub and is never shown again; replacing it (or a new device) shows the
 * new key and the device address once, until the save.
 */
function KeyField({ d, i, config }: { d: DeviceConfig; i: number; config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const fresh = useConfig((s) => isNewRow(s.keys.devices[i]));
  const [asking, setAsking] = useState(false);
  const rotate = (): void => patchItem('devices', i, { key: generateKey() });
  const kept = d.key === KEPT_KEY && !fresh;
  const url = kept ? null : setupUrl(window.location.origin, d);
  const button = (
    <button
      type="button"
      className="m-btn m-btn--small"
      data-testid={`devices-${i}-key`}
      onClick={() => (fresh ? rotate() : setAsking(true))}
    >
      {fresh ? ct(lang, 'devices.generate') : ct(lang, 'devices.rotate')}
    </button>
  );
  return (
    <>
      {kept ? (
        <FieldShell
          label={fl(lang, 'devices.key')}
          path={`devices.${i}.key`}
          hint={ct(lang, 'devices.keyKeptHint')}
          group
          wide
        >
          <span className="cfg-inline">
            <span className="cfg-kept" data-testid={`devices-${i}-key-kept`}>
              {ct(lang, 'devices.keyKept')}
            </span>
            {button}
          </span>
        </FieldShell>
      ) : (
        <>
          <TextField
            label={fl(lang, 'devices.key')}
            path={`devices.${i}.key`}
            value={d.key}
            mono
            wide
            maxLength={200}
            hint={ct(lang, 'devices.keyHint')}
            clean={(v) => v.trim()}
            onChange={(key) => patchItem('devices', i, { key: key ?? '' })}
          />
          <FieldShell label={ct(lang, 'devices.url')} path={`devices.${i}.url`} group wide>
            <span className="cfg-inline">
              {url === null ? (
                <span className="m-muted">{ct(lang, 'devices.urlNeedsWindow')}</span>
              ) : (
                <input
                  className="m-input cfg-mono cfg-url"
                  readOnly
                  value={url}
                  aria-label={ct(lang, 'devices.url')}
                  data-testid={`devices-${i}-url`}
                  onFocus={(e) => e.target.select()}
                />
              )}
              {button}
            </span>
            {d.key !== KEPT_KEY && (
              <span className="m-note m-note--warn cfg-key-once" data-testid={`devices-${i}-key-once`}>
                {ct(lang, 'devices.keyOnce')}
              </span>
            )}
          </FieldShell>
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={ct(lang, 'devices.rotateTitle', { id: deviceLabel(lang, config, d.id) })}
          message={ct(lang, 'devices.rotateText')}
          confirmLabel={ct(lang, 'devices.rotate')}
          onConfirm={rotate}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}

function ZoneChoice({ d, i, config }: { d: DeviceConfig; i: number; config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const chosen = d.windows;
  const set = (windows: string[] | undefined): void => patchItem('devices', i, { windows });
  const toggle = (id: string): void => {
    const now = chosen ?? [];
    const next = now.includes(id) ? now.filter((w) => w !== id) : [...now, id];
    set(config.windows.map((w) => w.id).filter((w) => next.includes(w)));
  };
  return (
    <FieldShell label={fl(lang, 'devices.windows')} path={`devices.${i}.windows`} group wide>
      <span className="cfg-radios">
        <label>
          <input type="radio" checked={chosen === undefined} onChange={() => set(undefined)} />
          {ct(lang, 'devices.allWindows')}
        </label>
        <label>
          <input
            type="radio"
            checked={chosen !== undefined}
            data-testid={`cfg-devices.${i}.windows-some`}
            onChange={() => set(config.windows.slice(0, 1).map((w) => w.id))}
          />
          {ct(lang, 'devices.someWindows')}
        </label>
      </span>
      {chosen !== undefined && (
        <span className="cfg-checks">
          {[...config.windows]
            .sort((a, b) => a.number - b.number)
            .map((w) => (
              <label key={w.id} className={`cfg-pick ${chosen.includes(w.id) ? 'cfg-pick--on' : ''}`}>
                <input type="checkbox" checked={chosen.includes(w.id)} onChange={() => toggle(w.id)} />
                {w.name}
              </label>
            ))}
        </span>
      )}
    </FieldShell>
  );
}

function DeviceDetail({ d, i, config }: { d: DeviceConfig; i: number; config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const missing = (v: string): string => ct(lang, 'ref.missing', { id: v });
  // A field that does not apply to the new kind is dropped, so nothing hidden is saved.
  const setKind = (kind: DeviceConfig['kind']): void =>
    patchItem('devices', i, {
      kind,
      printer: kind === 'kiosk' ? d.printer : undefined,
      window: kind === 'rater' ? (d.window ?? config.windows[0]?.id) : undefined,
      windows: kind === 'display' ? d.windows : undefined,
    });
  return (
    <>
      <IdField
        list="devices"
        index={i}
        label={fl(lang, 'devices.id')}
        value={d.id}
        onChange={(id) => patchItem('devices', i, { id })}
      />
      <SelectField
        label={fl(lang, 'devices.kind')}
        path={`devices.${i}.kind`}
        value={d.kind}
        options={KINDS.map((k) => ({ value: k, label: ct(lang, `devices.kind.${k}`) }))}
        onChange={(v) => setKind(KINDS.find((k) => k === v) ?? 'kiosk')}
      />
      <KeyField d={d} i={i} config={config} />
      {d.kind === 'kiosk' && (
        <SelectField
          label={fl(lang, 'devices.printer')}
          path={`devices.${i}.printer`}
          value={d.printer}
          none={ct(lang, 'devices.noPrinter')}
          options={config.printers.map((p) => ({
            value: p.id,
            label: `${printerLabel(lang, config, p.id)} · ${p.uri}`,
          }))}
          missing={missing}
          onChange={(printer) => patchItem('devices', i, { printer })}
        />
      )}
      {d.kind === 'rater' && (
        <SelectField
          label={fl(lang, 'devices.window')}
          path={`devices.${i}.window`}
          value={d.window}
          options={[...config.windows].sort((a, b) => a.number - b.number).map((w) => ({ value: w.id, label: w.name }))}
          missing={missing}
          hint={ct(lang, 'devices.raterHint')}
          onChange={(window) => patchItem('devices', i, { window })}
        />
      )}
      {d.kind === 'display' && <ZoneChoice d={d} i={i} config={config} />}
    </>
  );
}

/** Screens that sign in with a key (kiosks, displays, rating screens) and the serial devices at windows. */
export function DevicesForm({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const presence = useOversight((s) => s.devices?.devices);
  const windowName = (id: string | undefined): string =>
    id === undefined ? '' : (config.windows.find((w) => w.id === id)?.name ?? id);
  // The list names a device by what and where it is (1号取号机, 3号窗口评价屏); its id is the detail's field.
  const describe = (d: DeviceConfig): string => {
    if (d.kind === 'kiosk')
      return d.printer === undefined ? ct(lang, 'devices.noPrinterShort') : printerLabel(lang, config, d.printer);
    if (d.kind === 'rater') return ct(lang, 'devices.raterSub');
    return d.windows === undefined ? ct(lang, 'devices.allWindows') : d.windows.map(windowName).join('、');
  };
  const title = (d: DeviceConfig): string =>
    d.id === ''
      ? ct(lang, 'devices.unnamed', { kind: ct(lang, `devices.kind.${d.kind}`) })
      : deviceLabel(lang, config, d.id);
  const sub = (d: DeviceConfig): ReactNode => {
    const connected = presence?.find((p) => p.id === d.id)?.connected;
    return (
      <>
        {describe(d)}
        {connected !== undefined && (
          <span className={`cfg-presence ${connected ? 'cfg-presence--on' : ''}`}>
            {ct(lang, connected ? 'devices.online' : 'devices.offline')}
          </span>
        )}
      </>
    );
  };
  return (
    <div className="cfg-stack">
      <MasterDetail
        list="devices"
        title={ct(lang, 'devices.title')}
        addLabel={ct(lang, 'devices.add')}
        intro={<p className="cfg-intro">{ct(lang, 'devices.intro')}</p>}
        label={title}
        sub={sub}
        empty={ct(lang, 'devices.empty')}
        deleteText={(d) => <DeleteMessage name={title(d)} note={ct(lang, 'devices.deleteNote')} />}
        onAdd={() => addItem('devices', { id: '', kind: 'kiosk', key: generateKey() })}
        detail={(d, i) => <DeviceDetail d={d} i={i} config={config} />}
      />
      <SerialDevicesCard config={config} />
    </div>
  );
}
