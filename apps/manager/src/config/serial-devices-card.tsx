import type { ReactElement } from 'react';
import type { HallConfig, SerialDeviceConfig } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem, removeItem, useConfig } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { IdField, NumberField, SelectField, TextField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { RowTools } from './list-tools.tsx';

const KINDS = ['window-screen', 'caller-keypad', 'rating-pad'] as const;
const BAUDS = [2400, 4800, 9600, 19200, 38400, 57600, 115200];

/** LED screens, caller keypads and rating pads on serial lines (RS-232/485), one row each. */
export function SerialDevicesCard({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const keys = useConfig((s) => s.keys.serialDevices);
  const windows = [...config.windows].sort((a, b) => a.number - b.number).map((w) => ({ value: w.id, label: w.name }));
  const patch = (i: number, p: Partial<SerialDeviceConfig>): void => patchItem('serialDevices', i, p);
  const add = (): void =>
    addItem('serialDevices', {
      id: '',
      kind: 'window-screen',
      path: '',
      baudRate: 9600,
      address: 1,
      window: config.windows[0]?.id ?? '',
      protocol: 'yichuang',
    });
  return (
    <section className="m-card">
      <div className="m-card__head">
        <span className="m-card__title">{ct(lang, 'serial.title')}</span>
        <span className="m-chip">{config.serialDevices.length}</span>
        <span className="m-gap" />
        <button type="button" className="m-btn m-btn--small" data-testid="add-serialDevices" onClick={add}>
          + {ct(lang, 'serial.add')}
        </button>
      </div>
      <p className="cfg-intro">{ct(lang, 'serial.intro')}</p>
      {config.serialDevices.length === 0 ? (
        <p className="m-muted">{ct(lang, 'serial.empty')}</p>
      ) : (
        <table className="m-table cfg-table">
          <thead>
            <tr>
              <th style={{ width: '14%' }}>{fl(lang, 'serialDevices.id')}</th>
              <th style={{ width: '14%' }}>{fl(lang, 'serialDevices.kind')}</th>
              <th style={{ width: '14%' }}>{fl(lang, 'serialDevices.window')}</th>
              <th style={{ width: '18%' }}>{fl(lang, 'serialDevices.path')}</th>
              <th style={{ width: '11%' }}>{fl(lang, 'serialDevices.baudRate')}</th>
              <th style={{ width: '8%' }}>{fl(lang, 'serialDevices.address')}</th>
              <th style={{ width: '11%' }}>{fl(lang, 'serialDevices.protocol')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {config.serialDevices.map((d, i) => (
              <tr key={keys[i] ?? i} data-testid={`serial-row-${i}`}>
                <td>
                  <IdField
                    list="serialDevices"
                    index={i}
                    label={fl(lang, 'serialDevices.id')}
                    value={d.id}
                    bare
                    onChange={(id) => patch(i, { id })}
                  />
                </td>
                <td>
                  <SelectField
                    label={fl(lang, 'serialDevices.kind')}
                    path={`serialDevices.${i}.kind`}
                    value={d.kind}
                    bare
                    options={KINDS.map((k) => ({ value: k, label: ct(lang, `serial.kind.${k}`) }))}
                    onChange={(v) => patch(i, { kind: KINDS.find((k) => k === v) ?? 'window-screen' })}
                  />
                </td>
                <td>
                  <SelectField
                    label={fl(lang, 'serialDevices.window')}
                    path={`serialDevices.${i}.window`}
                    value={d.window}
                    bare
                    options={windows}
                    missing={(v) => ct(lang, 'ref.missing', { id: v })}
                    onChange={(v) => patch(i, { window: v ?? '' })}
                  />
                </td>
                <td>
                  <TextField
                    label={fl(lang, 'serialDevices.path')}
                    path={`serialDevices.${i}.path`}
                    value={d.path}
                    bare
                    mono
                    maxLength={200}
                    placeholder="/dev/ttyUSB0"
                    onChange={(v) => patch(i, { path: v ?? '' })}
                  />
                </td>
                <td>
                  <NumberField
                    label={fl(lang, 'serialDevices.baudRate')}
                    path={`serialDevices.${i}.baudRate`}
                    value={d.baudRate}
                    bare
                    min={1200}
                    max={921600}
                    onChange={(baudRate) => patch(i, { baudRate })}
                  />
                  {!BAUDS.includes(d.baudRate) && <span className="cfg-field__hint">{ct(lang, 'serial.oddBaud')}</span>}
                </td>
                <td>
                  <NumberField
                    label={fl(lang, 'serialDevices.address')}
                    path={`serialDevices.${i}.address`}
                    value={d.address}
                    bare
                    min={1}
                    max={254}
                    onChange={(address) => patch(i, { address })}
                  />
                </td>
                <td>
                  <TextField
                    label={fl(lang, 'serialDevices.protocol')}
                    path={`serialDevices.${i}.protocol`}
                    value={d.protocol}
                    bare
                    mono
                    maxLength={40}
                    onChange={(v) => patch(i, { protocol: v ?? '' })}
                  />
                </td>
                <td className="cfg-table__tools">
                  <RowTools
                    name="serialDevices"
                    index={i}
                    count={config.serialDevices.length}
                    onRemove={() => removeItem('serialDevices', i)}
                    confirm={<DeleteMessage name={d.id || d.path} />}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
