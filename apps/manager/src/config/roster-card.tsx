import type { ReactElement } from 'react';
import type { HallConfig } from '@yichuang/protocol';
import { officerLabel } from '../shell/hall-names.ts';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem, removeItem, useConfig } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { SelectField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { RowTools } from './list-tools.tsx';

/** The A/B roster: every post has an A officer and, to cover when A leaves, a B officer. */
export function RosterCard({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const keys = useConfig((s) => s.keys.roster);
  const windows = [...config.windows].sort((a, b) => a.number - b.number).map((w) => ({ value: w.id, label: w.name }));
  // 导办 guides hold no window: the roster offers officers and managers only.
  const officers = config.officers
    .filter((o) => o.role !== 'guide')
    .map((o) => ({ value: o.id, label: officerLabel(lang, config, o.id) }));
  const missing = (v: string): string => ct(lang, 'ref.missing', { id: v });
  const unrostered = config.windows.filter((w) => w.open && !config.roster.some((r) => r.window === w.id));
  const windowName = (id: string): string => config.windows.find((w) => w.id === id)?.name ?? id;

  const add = (): void => {
    const window = unrostered[0]?.id ?? config.windows[0]?.id ?? '';
    addItem('roster', { window, a: config.officers.find((o) => o.role === 'officer')?.id ?? '' });
  };

  return (
    <section className="m-card">
      <div className="m-card__head">
        <span className="m-card__title">{ct(lang, 'staff.roster')}</span>
        <span className="m-chip">{config.roster.length}</span>
        <span className="m-gap" />
        <button type="button" className="m-btn m-btn--small" data-testid="add-roster" onClick={add}>
          + {ct(lang, 'staff.addRoster')}
        </button>
      </div>
      <p className="cfg-intro">{ct(lang, 'staff.rosterIntro')}</p>
      {unrostered.length > 0 && (
        <div className="m-note m-note--warn" data-testid="roster-gaps">
          {ct(lang, 'staff.unrostered', { names: unrostered.map((w) => w.name).join('、') })}
        </div>
      )}
      <table className="m-table cfg-table">
        <thead>
          <tr>
            <th style={{ width: '30%' }}>{fl(lang, 'roster.window')}</th>
            <th style={{ width: '30%' }}>{fl(lang, 'roster.a')}</th>
            <th style={{ width: '30%' }}>{fl(lang, 'roster.b')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {config.roster.map((r, i) => (
            <tr key={keys[i] ?? i} data-testid={`roster-row-${i}`}>
              <td>
                <SelectField
                  label={fl(lang, 'roster.window')}
                  path={`roster.${i}.window`}
                  value={r.window}
                  bare
                  options={windows}
                  missing={missing}
                  onChange={(v) => patchItem('roster', i, { window: v ?? '' })}
                />
              </td>
              <td>
                <SelectField
                  label={fl(lang, 'roster.a')}
                  path={`roster.${i}.a`}
                  value={r.a}
                  bare
                  options={officers}
                  missing={missing}
                  onChange={(v) => patchItem('roster', i, { a: v ?? '' })}
                />
              </td>
              <td>
                <SelectField
                  label={fl(lang, 'roster.b')}
                  path={`roster.${i}.b`}
                  value={r.b}
                  bare
                  none={ct(lang, 'staff.noB')}
                  options={officers}
                  missing={missing}
                  onChange={(b) => patchItem('roster', i, { b })}
                />
              </td>
              <td className="cfg-table__tools">
                <RowTools
                  name="roster"
                  index={i}
                  count={config.roster.length}
                  onRemove={() => removeItem('roster', i)}
                  confirm={<DeleteMessage name={ct(lang, 'staff.rosterOf', { window: windowName(r.window) })} />}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
