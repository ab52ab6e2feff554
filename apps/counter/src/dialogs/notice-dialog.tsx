import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { Notice, NoticeRecord, WindowView } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { serviceOf } from '../hall-helpers.ts';
import { api } from '../hub-api.ts';
import { useNoticePrints, type PrintOutcome } from '../notice-prints.ts';
import { clockTime, ct, type CounterStringKey } from '../strings/strings.ts';
import { Modal } from './modal.tsx';
import { NoticeForm } from './notice-form.tsx';

const PRINTER_WORDS = ['paper-out', 'paper-low', 'cover-open', 'offline', 'no-printer'];

function failureText(lang: Lang, status: string, error: string): string {
  const why = PRINTER_WORDS.includes(status) ? ct(lang, `printer.${status}` as CounterStringKey) : error;
  return ct(lang, 'notice.printFailed', { error: why });
}

/** The notice's print outcome: the live event if one came, else its stored history. */
function outcomeOf(n: NoticeRecord, live: PrintOutcome | undefined): PrintOutcome | null {
  if (live !== undefined) return live;
  const last = n.prints[n.prints.length - 1];
  if (last === undefined) return null;
  return last.ok
    ? { state: 'printed', reprint: last.reprint }
    : { state: 'failed', status: (last.error ?? '').split(':')[0] ?? '', error: last.error ?? '' };
}

async function reprint(lang: Lang, id: string, no: string): Promise<boolean> {
  const r = await api<{ printed: boolean }>('POST', `/api/notices/${encodeURIComponent(id)}/reprint`, {});
  const { say } = useCounter.getState();
  if (r.ok) say('ok', ct(lang, 'notice.reprinted', { no }));
  else say('error', ct(lang, 'err.generic', { message: r.error.message }));
  return r.ok;
}

export function NoticeDialog(p: { w: WindowView; state: HallState; tab: 'new' | 'list' }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const [issued, setIssued] = useState<Notice | null>(null);
  const tab = p.tab;
  const setTab = (t: 'new' | 'list'): void => useCounter.getState().open({ kind: 'notice', tab: t });
  return (
    <Modal title={ct(lang, 'notice.title')} testId="notice-dialog" wide>
      <div className="c-tabs" role="tablist">
        {(['new', 'list'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`c-tab ${tab === t ? 'c-tab--on' : ''}`}
            data-testid={`notice-tab-${t}`}
            onClick={() => {
              setIssued(null);
              setTab(t);
            }}
          >
            {ct(lang, t === 'new' ? 'notice.new' : 'notice.list')}
          </button>
        ))}
      </div>
      {tab === 'list' ? (
        <NoticeList windowId={p.w.id} state={p.state} />
      ) : issued === null ? (
        <NoticeForm w={p.w} state={p.state} onIssued={setIssued} />
      ) : (
        <IssuedNotice notice={issued} onAnother={() => setIssued(null)} />
      )}
    </Modal>
  );
}

/** After issuing: the print outcome as the hub reports it, with a reprint when it failed. */
function IssuedNotice({ notice, onAnother }: { notice: Notice; onAnother: () => void }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const outcome = useNoticePrints((s) => s.byId[notice.id]);
  const state = outcome === undefined ? 'printing' : outcome.state;
  return (
    <div className="c-issued">
      <div className="c-issued__no" data-testid="notice-issued">
        {ct(lang, 'notice.issued', { no: notice.no })}
      </div>
      <div className={`c-issued__print c-issued__print--${state}`} data-testid="notice-print" data-state={state}>
        {outcome === undefined
          ? ct(lang, 'notice.printing')
          : outcome.state === 'printed'
            ? ct(lang, 'notice.printed')
            : failureText(lang, outcome.status, outcome.error)}
      </div>
      <div className="c-modal__buttons">
        {state === 'failed' && (
          <button
            type="button"
            className="c-btn c-btn--warn"
            data-testid="notice-reprint"
            onClick={() => void reprint(lang, notice.id, notice.no)}
          >
            {ct(lang, 'notice.reprint')}
          </button>
        )}
        <button type="button" className="c-btn c-btn--quiet" onClick={onAnother} data-testid="notice-another">
          {ct(lang, 'notice.another')}
        </button>
        <button
          type="button"
          className="c-btn c-btn--primary"
          data-autofocus
          onClick={() => useCounter.getState().close()}
        >
          {ct(lang, 'dialog.close')}
        </button>
      </div>
    </div>
  );
}

/** Today's notices of this window (`GET /api/notices`), each with its print state and a reprint. */
function NoticeList({ windowId, state }: { windowId: string; state: HallState }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const live = useNoticePrints((s) => s.byId);
  const [list, setList] = useState<NoticeRecord[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(() => {
    void api<{ notices: NoticeRecord[] }>('GET', `/api/notices?windowId=${encodeURIComponent(windowId)}`).then((r) => {
      if (r.ok) setList(r.data.notices);
      else setFailed(r.error.message);
    });
  }, [windowId]);
  useEffect(load, [load]);
  const tz = state.model.config.hall.timezone;
  if (failed !== null) return <p className="c-problem">{ct(lang, 'err.generic', { message: failed })}</p>;
  if (list === null) return <p className="c-muted">{ct(lang, 'day.loading')}</p>;
  if (list.length === 0) return <p className="c-empty">{ct(lang, 'notice.empty')}</p>;
  return (
    <table className="c-table" data-testid="notice-list">
      <thead>
        <tr>
          <th>{ct(lang, 'notice.colNo')}</th>
          <th>{ct(lang, 'notice.colTime')}</th>
          <th>{ct(lang, 'notice.colName')}</th>
          <th>{ct(lang, 'notice.colMatter')}</th>
          <th>{ct(lang, 'notice.colItems')}</th>
          <th>{ct(lang, 'notice.colPrint')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {[...list].reverse().map((n) => {
          const o = outcomeOf(n, live[n.id]);
          return (
            <tr key={n.id} data-testid={`notice-row-${n.no}`}>
              <td className="num">{n.no}</td>
              <td className="num">{clockTime(n.createdAt, tz)}</td>
              <td>{n.citizenName}</td>
              <td>{serviceOf(state, n.serviceId)?.name ?? n.serviceId}</td>
              <td className="c-table__items" title={n.missing.join('\n')}>
                {n.missing.join('；')}
              </td>
              <td className={o?.state === 'failed' ? 'c-bad' : o?.state === 'printed' ? 'c-good' : 'c-muted'}>
                {o === null
                  ? ct(lang, 'notice.printNone')
                  : ct(lang, o.state === 'printed' ? 'notice.printOk' : 'notice.printBad')}
              </td>
              <td>
                <button
                  type="button"
                  className="c-mini"
                  data-testid={`notice-reprint-${n.no}`}
                  onClick={() => void reprint(lang, n.id, n.no).then((ok) => ok && load())}
                >
                  {ct(lang, 'notice.reprint')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
