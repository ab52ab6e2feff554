import { useMemo, type ReactElement } from 'react';
import type { HallConfig } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { edit } from './config-store.ts';
import { FixedField, NumberField, TextField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { ClosedDates, HoursEditor } from './hours-editor.tsx';

type Hall = HallConfig['hall'];

const patchHall = (patch: Partial<Hall>): void => edit((c) => ({ ...c, hall: { ...c.hall, ...patch } }));
const patchPhones = (patch: Partial<Hall['phones']>): void =>
  edit((c) => ({ ...c, hall: { ...c.hall, phones: { ...c.hall.phones, ...patch } } }));

/** Every zone the browser knows, offered while typing (the schema checks the same list). */
function useTimeZones(): string[] {
  return useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];
    }
  }, []);
}

export function HallForm({ hall }: { hall: Hall }): ReactElement {
  const lang = useManager((s) => s.lang);
  const zones = useTimeZones();
  return (
    <div className="cfg-columns">
      <section className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{ct(lang, 'hall.card')}</span>
        </div>
        <div className="cfg-form">
          <FixedField label={fl(lang, 'hall.id')} path="hall.id" value={hall.id} hint={ct(lang, 'hall.idHint')} />
          <TextField
            label={fl(lang, 'hall.name')}
            path="hall.name"
            value={hall.name}
            maxLength={100}
            onChange={(v) => patchHall({ name: v ?? '' })}
          />
          <TextField
            label={fl(lang, 'hall.organization')}
            path="hall.organization"
            value={hall.organization}
            optional
            maxLength={100}
            placeholder={hall.name}
            hint={ct(lang, 'hall.organizationHint')}
            onChange={(v) => patchHall({ organization: v })}
          />
          <TextField
            label={fl(lang, 'hall.timezone')}
            path="hall.timezone"
            value={hall.timezone}
            list="cfg-zones"
            mono
            hint={ct(lang, 'hall.timezoneHint')}
            onChange={(v) => patchHall({ timezone: v ?? '' })}
          />
          <datalist id="cfg-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <TextField
            label={fl(lang, 'hall.phones.consult')}
            path="hall.phones.consult"
            value={hall.phones.consult}
            optional
            maxLength={40}
            hint={ct(lang, 'hall.phonesHint')}
            onChange={(v) => patchPhones({ consult: v })}
          />
          <TextField
            label={fl(lang, 'hall.phones.complaint')}
            path="hall.phones.complaint"
            value={hall.phones.complaint}
            optional
            maxLength={40}
            onChange={(v) => patchPhones({ complaint: v })}
          />
          <TextField
            label={fl(lang, 'hall.publicUrl')}
            path="hall.publicUrl"
            value={hall.publicUrl}
            optional
            mono
            maxLength={200}
            placeholder="http://192.168.1.10:8080"
            hint={ct(lang, 'hall.publicUrlHint')}
            clean={(v) => v.trim()}
            onChange={(v) => patchHall({ publicUrl: v })}
          />
        </div>
      </section>
      <section className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{ct(lang, 'hall.hoursCard')}</span>
        </div>
        <p className="cfg-intro">{ct(lang, 'hall.hoursIntro')}</p>
        <HoursEditor hours={hall.hours} />
        <div className="cfg-form cfg-form--spaced">
          <NumberField
            label={fl(lang, 'hall.extendedServiceMinutes')}
            path="hall.extendedServiceMinutes"
            value={hall.extendedServiceMinutes}
            min={0}
            max={240}
            unit={ct(lang, 'unit.minutes')}
            hint={ct(lang, 'hall.extendedHint')}
            onChange={(v) => patchHall({ extendedServiceMinutes: v })}
          />
          <ClosedDates dates={hall.closedDates} />
        </div>
      </section>
    </div>
  );
}
