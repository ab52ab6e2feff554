import type { ReactElement } from 'react';
import type { PublicHallConfig } from '@yichuang/protocol';
import { deviceLabel, officerLabel } from '../shell/hall-names.ts';
import type { Lang } from '../shell/make-strings.ts';
import { at } from './audit-strings.ts';
import { EVENT_GROUPS, EVENT_LABELS, eventLabel } from './event-summary.ts';
import type { EventType } from '@yichuang/protocol';

export interface AuditFilter {
  from: string;
  to: string;
  type: string;
  actor: string;
  windowId: string;
}

/** The query string the hub's GET /api/events takes for a filter (empty fields left out). */
export function filterQuery(f: AuditFilter, before: number | null, limit = 100): string {
  const q = new URLSearchParams();
  for (const k of ['from', 'to', 'type', 'actor', 'windowId'] as const) if (f[k] !== '') q.set(k, f[k]);
  if (before !== null) q.set('before', String(before));
  q.set('limit', String(limit));
  return q.toString();
}

export function AuditFilters(p: {
  lang: Lang;
  value: AuditFilter;
  config: PublicHallConfig | null;
  onChange: (f: AuditFilter) => void;
  onSearch: () => void;
  onReset: () => void;
}): ReactElement {
  const { lang, value: f, config } = p;
  const set = (patch: Partial<AuditFilter>): void => p.onChange({ ...f, ...patch });
  return (
    <form
      className="m-card a-filters"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSearch();
      }}
    >
      <label className="m-field">
        <span>{at(lang, 'from')}</span>
        <input type="date" data-testid="audit-from" value={f.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="m-field">
        <span>{at(lang, 'to')}</span>
        <input type="date" data-testid="audit-to" value={f.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <label className="m-field">
        <span>{at(lang, 'type')}</span>
        <select data-testid="audit-type" value={f.type} onChange={(e) => set({ type: e.target.value })}>
          <option value="">{at(lang, 'allTypes')}</option>
          {EVENT_GROUPS.map((g) => (
            <optgroup key={g.prefix} label={lang === 'zh' ? g.zh : g.en}>
              <option value={g.prefix}>{lang === 'zh' ? `全部${g.zh}事件` : `All ${g.en.toLowerCase()}`}</option>
              {(Object.keys(EVENT_LABELS) as EventType[])
                .filter((t) => t.startsWith(g.prefix))
                .map((t) => (
                  <option key={t} value={t}>
                    {eventLabel(lang, t)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="m-field">
        <span>{at(lang, 'actor')}</span>
        <select data-testid="audit-actor" value={f.actor} onChange={(e) => set({ actor: e.target.value })}>
          <option value="">{at(lang, 'allActors')}</option>
          <option value="system">{at(lang, 'system')}</option>
          {config?.officers.map((o) => (
            <option key={o.id} value={`officer:${o.id}`}>
              {officerLabel(lang, config, o.id)}
            </option>
          ))}
          {config?.devices.map((d) => (
            <option key={d.id} value={`device:${d.id}`}>
              {deviceLabel(lang, config, d.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="m-field">
        <span>{at(lang, 'window')}</span>
        <select data-testid="audit-window" value={f.windowId} onChange={(e) => set({ windowId: e.target.value })}>
          <option value="">{at(lang, 'allWindows')}</option>
          {config?.windows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <div className="a-filters__buttons">
        <button type="submit" className="m-btn m-btn--primary" data-testid="audit-search">
          {at(lang, 'search')}
        </button>
        <button type="button" className="m-btn" onClick={p.onReset}>
          {at(lang, 'reset')}
        </button>
      </div>
    </form>
  );
}
