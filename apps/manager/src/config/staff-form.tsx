import { useState, type ReactElement } from 'react';
import type { HallConfig, OfficerConfig } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem, removeItem, useConfig } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { isNewRow } from './draft-model.ts';
import { IdField, SelectField, TextField, useIssuesAt } from './fields.tsx';
import { fl } from './field-strings.ts';
import { sectionIssues } from './issue-paths.ts';
import { issueText } from './issue-messages.ts';
import { RowTools } from './list-tools.tsx';
import { PinDialog } from './pin-dialog.tsx';
import { referencesTo } from './references.ts';
import { RosterCard } from './roster-card.tsx';

/** A saved officer's PIN is reset at once (a dialog); a new one's first PIN goes with the save. */
function PinCell({ o, i, fresh }: { o: OfficerConfig; i: number; fresh: boolean }): ReactElement {
  const lang = useManager((s) => s.lang);
  const [open, setOpen] = useState(false);
  const missing = useIssuesAt(`officers.${i}.pinHash`);
  if (!fresh)
    return (
      <>
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid={`pin-reset-${o.id}`}
          onClick={() => setOpen(true)}
        >
          {ct(lang, 'staff.resetPin')}
        </button>
        {open && <PinDialog officer={o} onClose={() => setOpen(false)} />}
      </>
    );
  return (
    <>
      <TextField
        label={fl(lang, 'officers.pin')}
        path={`officers.${i}.pin`}
        value={o.pin}
        bare
        mono
        numeric
        maxLength={8}
        placeholder={ct(lang, 'staff.pinPlaceholder')}
        clean={(v) => v.replace(/\D/g, '')}
        onChange={(pin) => patchItem('officers', i, { pin: pin ?? '' })}
      />
      {missing.map((m, k) => (
        <span key={k} className="m-field__error">
          {m}
        </span>
      ))}
    </>
  );
}

function OfficersCard({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const keys = useConfig((s) => s.keys.officers);
  const issues = useConfig((s) => s.issues);
  const roles = [
    { value: 'officer', label: ct(lang, 'staff.role.officer') },
    { value: 'manager', label: ct(lang, 'staff.role.manager') },
    { value: 'guide', label: ct(lang, 'staff.role.guide') },
  ];
  return (
    <section className="m-card">
      <div className="m-card__head">
        <span className="m-card__title">{ct(lang, 'staff.officers')}</span>
        <span className="m-chip">{config.officers.length}</span>
        <span className="m-gap" />
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid="add-officers"
          onClick={() => addItem('officers', { id: '', name: '', role: 'officer', pin: '' })}
        >
          + {ct(lang, 'staff.addOfficer')}
        </button>
      </div>
      <p className="cfg-intro">{ct(lang, 'staff.officersIntro')}</p>
      {sectionIssues(issues, 'officers').map((g, k) => (
        <div key={k} className="m-note m-note--error">
          {issueText(lang, g.message)}
        </div>
      ))}
      <table className="m-table cfg-table">
        <thead>
          <tr>
            <th style={{ width: '20%' }}>{fl(lang, 'officers.id')}</th>
            <th style={{ width: '24%' }}>{fl(lang, 'officers.name')}</th>
            <th style={{ width: '22%' }}>{fl(lang, 'officers.role')}</th>
            <th>{fl(lang, 'officers.pin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {config.officers.map((o, i) => {
            const fresh = isNewRow(keys[i]);
            return (
              <tr key={keys[i] ?? i} data-testid={`officer-row-${i}`}>
                <td>
                  <IdField
                    list="officers"
                    index={i}
                    label={fl(lang, 'officers.id')}
                    value={o.id}
                    bare
                    onChange={(id) => patchItem('officers', i, { id })}
                  />
                </td>
                <td>
                  <TextField
                    label={fl(lang, 'officers.name')}
                    path={`officers.${i}.name`}
                    value={o.name}
                    bare
                    maxLength={50}
                    onChange={(v) => patchItem('officers', i, { name: v ?? '' })}
                  />
                </td>
                <td>
                  <SelectField
                    label={fl(lang, 'officers.role')}
                    path={`officers.${i}.role`}
                    value={o.role}
                    bare
                    options={roles}
                    onChange={(v) =>
                      patchItem('officers', i, { role: v === 'manager' || v === 'guide' ? v : 'officer' })
                    }
                  />
                </td>
                <td className={fresh ? undefined : 'cfg-table__pin'}>
                  <PinCell o={o} i={i} fresh={fresh} />
                </td>
                <td className="cfg-table__tools">
                  <RowTools
                    name="officers"
                    index={i}
                    count={config.officers.length}
                    onRemove={() => removeItem('officers', i)}
                    confirm={
                      <DeleteMessage
                        name={o.name || o.id}
                        refs={referencesTo(config, 'officer', o.id, lang)}
                        note={ct(lang, 'staff.deleteNote')}
                      />
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Who works in the hall, and who holds each window as A and B (AB角). */
export function StaffForm({ config }: { config: HallConfig }): ReactElement {
  return (
    <div className="cfg-columns cfg-columns--staff">
      <OfficersCard config={config} />
      <RosterCard config={config} />
    </div>
  );
}
