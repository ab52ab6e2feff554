import { useState, type ReactElement } from 'react';
import type { HallConfig } from '@yichuang/protocol';
import { t, weekdaysLabel, type StringKey } from '@yichuang/ui';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { edit } from './config-store.ts';
import { moveItem, removeItem, replaceItem, shadowedDays } from './draft-model.ts';
import { FieldShell, TextField, useIssuesAt } from './fields.tsx';
import { fl } from './field-strings.ts';
import { RowTools } from './list-tools.tsx';

type Rule = HallConfig['hall']['hours'][number];

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function setHours(change: (hours: Rule[]) => Rule[]): void {
  edit((c) => ({ ...c, hall: { ...c.hall, hours: change(c.hall.hours) } }));
}

/** ISO weekdays; a Sunday written as 0 (the schema accepts it) is shown and kept as 7. */
function toggleDay(days: number[], day: number): number[] {
  const set = new Set(days.map((d) => (d === 0 ? 7 : d)));
  if (set.has(day)) set.delete(day);
  else set.add(day);
  return [...set].sort((a, b) => a - b);
}

/**
 * 24-hour "HH:MM" typed as text: the browser's time picker follows the PC's locale and may show
 * 9:00 AM, which is not how a hall writes its hours. "0900" becomes "09:00".
 */
function typedClock(raw: string): string {
  const s = raw.replace(/[^\d:]/g, '').slice(0, 5);
  return /^\d{4}$/.test(s) ? `${s.slice(0, 2)}:${s.slice(2)}` : s;
}

function RuleRow({ rule, index, count }: { rule: Rule; index: number; count: number }): ReactElement {
  const lang = useManager((s) => s.lang);
  const path = `hall.hours.${index}`;
  const dayErrors = useIssuesAt(`${path}.days`);
  const update = (patch: Partial<Rule>): void => setHours((h) => replaceItem(h, index, { ...rule, ...patch }));
  const days = new Set(rule.days.map((d) => (d === 0 ? 7 : d)));
  const summary = rule.days.length === 0 ? '—' : `${weekdaysLabel(lang, rule.days)} ${rule.open}–${rule.close}`;
  return (
    <li className="cfg-hours__rule" data-testid={`hours-${index}`}>
      <div className="cfg-hours__head">
        <span className="cfg-hours__n m-num">{index + 1}</span>
        <b className="cfg-hours__says">{summary}</b>
        <span className="m-gap" />
        <RowTools
          name="hours"
          index={index}
          count={count}
          onMove={(to) => setHours((h) => moveItem(h, index, to))}
          onRemove={() => setHours((h) => removeItem(h, index))}
          confirm={ct(lang, 'hours.deleteConfirm', { rule: summary })}
        />
      </div>
      <div className="cfg-hours__fields">
        <FieldShell label={fl(lang, 'hall.hours.days')} path={`${path}.days`} group>
          <span className="cfg-days" role="group">
            {WEEKDAYS.map((d) => (
              <button
                key={d}
                type="button"
                className={`cfg-day ${days.has(d) ? 'cfg-day--on' : ''} ${dayErrors.length > 0 ? 'cfg-day--bad' : ''}`}
                aria-pressed={days.has(d)}
                data-testid={`hours-${index}-day-${d}`}
                onClick={() => update({ days: toggleDay(rule.days, d) })}
              >
                {t(lang, `weekday.${d}` as StringKey)}
              </button>
            ))}
          </span>
        </FieldShell>
        <TextField
          label={fl(lang, 'hall.hours.open')}
          path={`${path}.open`}
          value={rule.open}
          mono
          numeric
          maxLength={5}
          placeholder="09:00"
          clean={typedClock}
          onChange={(v) => update({ open: v ?? '' })}
        />
        <TextField
          label={fl(lang, 'hall.hours.close')}
          path={`${path}.close`}
          value={rule.close}
          mono
          numeric
          maxLength={5}
          placeholder="17:00"
          clean={typedClock}
          onChange={(v) => update({ close: v ?? '' })}
        />
      </div>
    </li>
  );
}

/** Opening hours: rules of weekdays with opening and closing time, in order (the first that fits a day wins). */
export function HoursEditor({ hours }: { hours: Rule[] }): ReactElement {
  const lang = useManager((s) => s.lang);
  const shadowed = shadowedDays(hours);
  return (
    <div className="cfg-hours">
      {hours.length === 0 && <div className="m-note m-note--warn">{ct(lang, 'hours.none')}</div>}
      {shadowed.length > 0 && (
        <div className="m-note m-note--warn" data-testid="hours-shadowed">
          {ct(lang, 'hours.shadowed', { days: weekdaysLabel(lang, shadowed) })}
        </div>
      )}
      <ol className="cfg-hours__rules">
        {hours.map((rule, i) => (
          <RuleRow key={i} rule={rule} index={i} count={hours.length} />
        ))}
      </ol>
      <button
        type="button"
        className="m-btn m-btn--small"
        data-testid="add-hours"
        onClick={() => setHours((h) => [...h, { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }])}
      >
        + {ct(lang, 'hours.add')}
      </button>
    </div>
  );
}

/** Days the hall is closed although the weekday has hours (holidays), kept in date order. */
export function ClosedDates({ dates }: { dates: string[] }): ReactElement {
  const lang = useManager((s) => s.lang);
  const [day, setDay] = useState('');
  const add = (): void => {
    if (day === '' || dates.includes(day)) return;
    edit((c) => ({ ...c, hall: { ...c.hall, closedDates: [...c.hall.closedDates, day].sort() } }));
    setDay('');
  };
  return (
    <FieldShell label={fl(lang, 'hall.closedDates')} path="hall.closedDates" hint={ct(lang, 'closed.hint')} group wide>
      <div className="cfg-chips" data-testid="closed-dates">
        {dates.length === 0 && <span className="m-muted">{ct(lang, 'closed.none')}</span>}
        {dates.map((d, i) => (
          <span key={d} className="cfg-chip m-num">
            {d}
            <button
              type="button"
              className="cfg-chip__x"
              aria-label={ct(lang, 'list.delete')}
              data-testid={`closed-${i}-delete`}
              onClick={() =>
                edit((c) => ({ ...c, hall: { ...c.hall, closedDates: removeItem(c.hall.closedDates, i) } }))
              }
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <span className="cfg-inline">
        <input
          type="date"
          className="m-input"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          data-testid="closed-new"
        />
        <button
          type="button"
          className="m-btn m-btn--small"
          disabled={day === ''}
          onClick={add}
          data-testid="closed-add"
        >
          + {ct(lang, 'closed.add')}
        </button>
      </span>
    </FieldShell>
  );
}
