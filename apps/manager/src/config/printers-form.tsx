import type { ReactElement } from 'react';
import type { HallConfig } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { useOversight } from '../shell/oversight-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem, removeItem, useConfig } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { IdField, SelectField, TextField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { RowTools } from './list-tools.tsx';
import { referencesTo } from './references.ts';

const STATUS_TONE: Record<string, string> = { ok: 'ok', 'paper-low': 'warn' };
const STATES = ['ok', 'paper-low', 'paper-out', 'cover-open', 'offline'] as const;
const isState = (s: string): s is (typeof STATES)[number] => (STATES as readonly string[]).includes(s);

/** Thermal printers of kiosks (tickets) and windows (notice slips). */
export function PrintersForm({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const keys = useConfig((s) => s.keys.printers);
  const live = useOversight((s) => s.devices?.printers);
  const widths = [
    { value: '80', label: '80 mm' },
    { value: '58', label: '58 mm' },
  ];
  const columns = ['30', '32', '42', '48'].map((n) => ({ value: n, label: n }));
  return (
    <section className="m-card">
      <div className="m-card__head">
        <span className="m-card__title">{ct(lang, 'printers.title')}</span>
        <span className="m-chip">{config.printers.length}</span>
        <span className="m-gap" />
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid="add-printers"
          onClick={() => addItem('printers', { id: '', uri: '', paperWidthMm: 80 })}
        >
          + {ct(lang, 'printers.add')}
        </button>
      </div>
      <p className="cfg-intro">{ct(lang, 'printers.intro')}</p>
      {config.printers.length === 0 ? (
        <p className="m-muted">{ct(lang, 'printers.empty')}</p>
      ) : (
        <table className="m-table cfg-table">
          <thead>
            <tr>
              <th style={{ width: '17%' }}>{fl(lang, 'printers.id')}</th>
              <th style={{ width: '28%' }}>{fl(lang, 'printers.uri')}</th>
              <th style={{ width: '11%' }}>{fl(lang, 'printers.paperWidthMm')}</th>
              <th style={{ width: '11%' }}>{fl(lang, 'printers.columns')}</th>
              <th>{ct(lang, 'printers.usedBy')}</th>
              <th>{ct(lang, 'printers.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {config.printers.map((p, i) => {
              const refs = referencesTo(config, 'printer', p.id, lang);
              const status = live?.find((x) => x.id === p.id)?.status;
              return (
                <tr key={keys[i] ?? i} data-testid={`printer-row-${i}`}>
                  <td>
                    <IdField
                      list="printers"
                      index={i}
                      label={fl(lang, 'printers.id')}
                      value={p.id}
                      bare
                      onChange={(id) => patchItem('printers', i, { id })}
                    />
                  </td>
                  <td>
                    <TextField
                      label={fl(lang, 'printers.uri')}
                      path={`printers.${i}.uri`}
                      value={p.uri}
                      bare
                      mono
                      placeholder="tcp://192.168.1.50:9100"
                      clean={(v) => v.trim()}
                      onChange={(v) => patchItem('printers', i, { uri: v ?? '' })}
                    />
                  </td>
                  <td>
                    <SelectField
                      label={fl(lang, 'printers.paperWidthMm')}
                      path={`printers.${i}.paperWidthMm`}
                      value={String(p.paperWidthMm)}
                      bare
                      options={widths}
                      onChange={(v) => patchItem('printers', i, { paperWidthMm: v === '58' ? 58 : 80 })}
                    />
                  </td>
                  <td>
                    <SelectField
                      label={fl(lang, 'printers.columns')}
                      path={`printers.${i}.columns`}
                      value={p.columns === undefined ? undefined : String(p.columns)}
                      bare
                      options={columns}
                      none={ct(lang, 'printers.columnsDefault', { n: p.paperWidthMm === 58 ? 32 : 48 })}
                      onChange={(v) => patchItem('printers', i, { columns: v === undefined ? undefined : Number(v) })}
                    />
                  </td>
                  <td className="cfg-usage">
                    {refs.length === 0 ? (
                      <span className="m-muted">{ct(lang, 'printers.unused')}</span>
                    ) : (
                      refs.map((g) => (
                        <span key={g.section}>
                          {ct(lang, `section.${g.section}`)}：{g.names.join('、')}
                        </span>
                      ))
                    )}
                  </td>
                  <td>
                    {status === undefined ? (
                      <span className="m-muted">—</span>
                    ) : (
                      <span className={`m-chip m-chip--${STATUS_TONE[status] ?? 'danger'}`}>
                        {isState(status) ? ct(lang, `printers.state.${status}`) : status}
                      </span>
                    )}
                  </td>
                  <td className="cfg-table__tools">
                    <RowTools
                      name="printers"
                      index={i}
                      count={config.printers.length}
                      onRemove={() => removeItem('printers', i)}
                      confirm={<DeleteMessage name={p.id || p.uri} refs={refs} />}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="cfg-aside">{ct(lang, 'printers.uriHint')}</div>
      <div className="cfg-aside">{ct(lang, 'printers.columnsHint')}</div>
    </section>
  );
}
