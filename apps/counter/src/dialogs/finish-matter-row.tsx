import type { ReactElement } from 'react';
import { addWorkingDays, workCalendar, type HallState } from '@yichuang/engine';
import {
  matterOutcomeLabels,
  matterOutcomes,
  refusalReasonLabels,
  refusalReasons,
  type MatterOutcome,
  type NoticeRecord,
  type RefusalReason,
} from '@yichuang/protocol';
import { useCounter } from '../counter-store.ts';
import { ct } from '../strings/strings.ts';

/** One matter of the visit as the officer fills it in. */
export interface MatterDraft {
  serviceId: string;
  outcome: MatterOutcome;
  refusalReason: RefusalReason | null;
  note: string;
  /** 容缺受理: ticked items of the matter's checklist and free lines. */
  pending: string[];
  noticeId: string | null;
}

export const newDraft = (serviceId: string): MatterDraft => ({
  serviceId,
  outcome: 'done',
  refusalReason: null,
  note: '',
  pending: [],
  noticeId: null,
});

/** Why a draft cannot be sent yet, or null. */
export function draftProblem(lang: 'zh' | 'en', d: MatterDraft): string | null {
  if (d.outcome === 'refused' && d.refusalReason === null) return ct(lang, 'finish.needReason');
  if (d.outcome === 'refused' && d.refusalReason === 'other' && d.note.trim() === '')
    return ct(lang, 'finish.needNote');
  if (d.outcome === 'accepted-pending' && d.pending.length === 0) return ct(lang, 'finish.needPending');
  return null;
}

/**
 * A matter row: its name, the five outcomes as big choices (1–5 on the keyboard when the row has focus),
 * and what the outcome needs: the due day of an acceptance, the materials to follow, the refusal's
 * reason, the notice slip it links.
 */
export function MatterRow(p: {
  index: number;
  draft: MatterDraft;
  state: HallState;
  notices: NoticeRecord[];
  removable: boolean;
  onChange: (d: MatterDraft) => void;
  onRemove: () => void;
}): ReactElement {
  const { draft: d, state } = p;
  const lang = useCounter((s) => s.lang);
  const service = state.model.services.get(d.serviceId);
  const config = state.model.config;
  const days = service?.timeLimitDays ?? config.cases.defaultTimeLimitDays;
  const set = (patch: Partial<MatterDraft>): void => p.onChange({ ...d, ...patch });
  const label = (o: MatterOutcome): string => matterOutcomeLabels[o][lang];
  const mine = p.notices.filter((n) => n.serviceId === d.serviceId);
  return (
    <fieldset
      className="c-matter"
      data-testid={`finish-matter-${p.index}`}
      onKeyDown={(e) => {
        const tag = (e.target as HTMLElement).tagName;
        const o = matterOutcomes[Number(e.key) - 1];
        if (o === undefined || tag === 'INPUT' || tag === 'SELECT' || e.ctrlKey || e.altKey) return;
        e.preventDefault();
        set({ outcome: o, noticeId: o === 'notice' ? (mine[0]?.id ?? null) : null });
      }}
    >
      <legend>
        <b>{service?.name ?? d.serviceId}</b>
        {p.removable && (
          <button
            type="button"
            className="c-mini c-matter__remove"
            onClick={p.onRemove}
            data-testid={`finish-remove-${p.index}`}
          >
            {ct(lang, 'notice.remove')}
          </button>
        )}
      </legend>
      <div className="c-outcomes" role="radiogroup" aria-label={ct(lang, 'finish.outcome')}>
        {matterOutcomes.map((o, i) => (
          <button
            type="button"
            key={o}
            role="radio"
            aria-checked={d.outcome === o}
            className={`c-outcome c-outcome--${o} ${d.outcome === o ? 'c-outcome--on' : ''}`}
            onClick={() => set({ outcome: o, noticeId: o === 'notice' ? (mine[0]?.id ?? null) : null })}
            data-testid={`finish-outcome-${p.index}-${o}`}
          >
            <small>{i + 1}</small>
            {label(o)}
          </button>
        ))}
      </div>
      {(d.outcome === 'accepted' || d.outcome === 'accepted-pending') && (
        <p className="c-matter__due" data-testid={`finish-due-${p.index}`}>
          {ct(lang, 'finish.due', { n: days, day: addWorkingDays(workCalendar(config), state.day, days) })}
        </p>
      )}
      {d.outcome === 'accepted-pending' && (
        <div className="c-matter__pending">
          <span className="c-muted">{ct(lang, 'finish.pending')}</span>
          {(service?.materials ?? []).map((m, i) => (
            <label key={m} className={`c-check ${d.pending.includes(m) ? 'c-check--on' : ''}`}>
              <input
                type="checkbox"
                checked={d.pending.includes(m)}
                data-testid={`finish-pending-${p.index}-${i}`}
                onChange={(e) =>
                  set({ pending: e.target.checked ? [...d.pending, m] : d.pending.filter((x) => x !== m) })
                }
              />
              {m}
            </label>
          ))}
          <input
            className="c-matter__line"
            placeholder={ct(lang, 'finish.pendingOther')}
            maxLength={100}
            data-testid={`finish-pending-free-${p.index}`}
            onKeyDown={(e) => {
              const v = e.currentTarget.value.trim();
              if (e.key !== 'Enter' || v === '') return;
              e.preventDefault();
              e.stopPropagation();
              if (!d.pending.includes(v) && d.pending.length < 20) set({ pending: [...d.pending, v] });
              e.currentTarget.value = '';
            }}
          />
          {d.pending
            .filter((m) => !(service?.materials ?? []).includes(m))
            .map((m) => (
              <span key={m} className="c-chip">
                {m}
                <button
                  type="button"
                  className="c-mini"
                  onClick={() => set({ pending: d.pending.filter((x) => x !== m) })}
                >
                  ×
                </button>
              </span>
            ))}
        </div>
      )}
      {d.outcome === 'refused' && (
        <div className="c-matter__refuse">
          <select
            value={d.refusalReason ?? ''}
            onChange={(e) => set({ refusalReason: e.target.value === '' ? null : (e.target.value as RefusalReason) })}
            data-testid={`finish-reason-${p.index}`}
          >
            <option value="">{ct(lang, 'finish.reasonPick')}</option>
            {refusalReasons.map((r) => (
              <option key={r} value={r}>
                {refusalReasonLabels[r][lang]}
              </option>
            ))}
          </select>
          <input
            value={d.note}
            maxLength={200}
            placeholder={ct(lang, 'finish.reasonNote')}
            onChange={(e) => set({ note: e.target.value })}
            data-testid={`finish-note-${p.index}`}
          />
          {service?.basis === undefined && <small className="c-muted">{ct(lang, 'finish.noBasis')}</small>}
        </div>
      )}
      {d.outcome === 'notice' && (
        <p className="c-matter__notice" data-testid={`finish-notice-${p.index}`}>
          {mine.length === 0 ? (
            <span className="c-muted">{ct(lang, 'finish.noNotice')}</span>
          ) : (
            <select
              value={d.noticeId ?? ''}
              onChange={(e) => set({ noticeId: e.target.value === '' ? null : e.target.value })}
            >
              {mine.map((n) => (
                <option key={n.id} value={n.id}>
                  {ct(lang, 'finish.noticeNo', { no: n.no })}
                </option>
              ))}
            </select>
          )}
        </p>
      )}
    </fieldset>
  );
}
