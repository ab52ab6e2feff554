import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import { MAX_FINISH_MATTERS, phoneNumberSchema, type NoticeRecord, type WindowView } from '@yichuang/protocol';
import { useCounter } from '../counter-store.ts';
import { api } from '../hub-api.ts';
import { sendCommand } from '../send-command.ts';
import { ct } from '../strings/strings.ts';
import { draftProblem, MatterRow, newDraft, type MatterDraft } from './finish-matter-row.tsx';
import { Modal } from './modal.tsx';

/**
 * 办结: the matters handled for this person (the ticket's own first, others of the catalogue added) and
 * what came of each. Enter finishes; the one-tap path (F, Enter) is the own matter done. An acceptance
 * or refusal asks for the applicant's name (printed on the receipt or notice) and, for the progress
 * page, their mobile.
 */
export function FinishDialog({ w, state }: { w: WindowView; state: HallState }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const busy = useCounter((s) => s.busy);
  const t = w.ticket;
  const [drafts, setDrafts] = useState<MatterDraft[]>(() => (t === null ? [] : [newDraft(t.serviceId)]));
  const [adding, setAdding] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notices, setNotices] = useState<NoticeRecord[]>([]);

  useEffect(() => {
    if (t === null) return;
    void api<{ notices: NoticeRecord[] }>('GET', `/api/notices?windowId=${encodeURIComponent(w.id)}`).then((r) => {
      if (r.ok) setNotices(r.data.notices.filter((n) => n.ticketId === t.id));
    });
  }, [t, w.id]);

  const matches = useMemo(() => {
    const q = adding.trim().toLowerCase();
    if (q === '') return [];
    return state.model.config.services
      .filter((s) => !drafts.some((d) => d.serviceId === s.id))
      .filter((s) => s.name.includes(q) || (s.pinyin ?? '').toLowerCase().startsWith(q))
      .slice(0, 8);
  }, [adding, drafts, state]);

  const slips = drafts.filter((d) => d.outcome !== 'done' && d.outcome !== 'notice');
  const receipts = drafts.filter((d) => d.outcome === 'accepted' || d.outcome === 'accepted-pending').length;
  const refusals = drafts.filter((d) => d.outcome === 'refused').length;

  const add = (serviceId: string): void => {
    if (drafts.length >= MAX_FINISH_MATTERS) return;
    setDrafts([...drafts, newDraft(serviceId)]);
    setAdding('');
  };

  const submit = async (): Promise<void> => {
    if (t === null) return;
    for (const d of drafts) {
      const why = draftProblem(lang, d);
      if (why !== null) return setProblem(`${state.model.services.get(d.serviceId)?.name ?? d.serviceId}：${why}`);
    }
    const mobile = phone.trim();
    if (mobile !== '' && !phoneNumberSchema.safeParse(mobile).success) return setProblem(ct(lang, 'finish.badPhone'));
    setProblem(null);
    const own = drafts.length === 1 && drafts[0]?.serviceId === t.serviceId && drafts[0].outcome === 'done';
    const r = await sendCommand('window:finish', {
      windowId: w.id,
      ...(own
        ? {}
        : {
            matters: drafts.map((d) => ({
              serviceId: d.serviceId,
              outcome: d.outcome,
              ...(d.outcome === 'refused' && d.refusalReason !== null ? { refusalReason: d.refusalReason } : {}),
              ...(d.note.trim() === '' ? {} : { note: d.note.trim() }),
              ...(d.outcome === 'accepted-pending' ? { pendingMaterials: d.pending } : {}),
              ...(d.outcome === 'notice' && d.noticeId !== null ? { noticeId: d.noticeId } : {}),
            })),
          }),
      ...(slips.length > 0 && name.trim() !== '' ? { citizenName: name.trim() } : {}),
      ...(receipts > 0 && mobile !== '' ? { phone: mobile } : {}),
    });
    if (!r.ok) return;
    const app = useCounter.getState();
    app.close();
    const numbers = r.data.matters.flatMap((m) => [m.caseNo, m.refusalNo]).filter((x): x is string => x !== null);
    app.say(
      'ok',
      numbers.length === 0
        ? ct(lang, 'msg.finished', { number: t.number })
        : ct(lang, 'msg.finishedSlips', { number: t.number, nos: numbers.join('、') }),
    );
  };

  return (
    <Modal title={ct(lang, 'finish.title', { number: t?.number ?? '' })} testId="finish-dialog" wide>
      <form
        className="c-finish"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          const tag = (e.target as HTMLElement).tagName;
          if (e.key === 'Enter' && tag !== 'TEXTAREA' && !(tag === 'INPUT' && adding !== '')) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <div className="c-finish__matters">
          {drafts.map((d, i) => (
            <MatterRow
              key={d.serviceId}
              index={i}
              draft={d}
              state={state}
              notices={notices}
              removable={i > 0}
              onChange={(next) => {
                setProblem(null);
                setDrafts(drafts.map((x, j) => (j === i ? next : x)));
              }}
              onRemove={() => setDrafts(drafts.filter((_, j) => j !== i))}
            />
          ))}
        </div>
        {drafts.length < MAX_FINISH_MATTERS && (
          <div className="c-finish__add">
            <input
              value={adding}
              placeholder={ct(lang, 'finish.add')}
              onChange={(e) => setAdding(e.target.value)}
              data-testid="finish-add"
              onKeyDown={(e) => {
                if (e.key === 'Enter' && matches[0] !== undefined) {
                  e.preventDefault();
                  e.stopPropagation();
                  add(matches[0].id);
                }
              }}
            />
            {matches.map((s) => (
              <button
                type="button"
                key={s.id}
                className="c-mini"
                onClick={() => add(s.id)}
                data-testid={`finish-add-${s.id}`}
              >
                {s.name}
              </button>
            ))}
          </div>
        )}
        {slips.length > 0 && (
          <div className="c-finish__who">
            <label className="c-field c-field--small">
              <span>{ct(lang, 'finish.name')}</span>
              <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-testid="finish-name" />
            </label>
            {receipts > 0 && (
              <label className="c-field c-field--small">
                <span>{ct(lang, 'finish.phone')}</span>
                <input
                  value={phone}
                  inputMode="numeric"
                  maxLength={11}
                  onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
                  data-testid="finish-phone"
                />
              </label>
            )}
          </div>
        )}
        {problem !== null && (
          <div className="c-problem" role="alert" data-testid="finish-problem">
            {problem}
          </div>
        )}
        <div className="c-modal__buttons">
          <span className="c-muted" data-testid="finish-slips">
            {receipts + refusals === 0
              ? ct(lang, 'finish.keys')
              : ct(lang, 'finish.slips', {
                  parts: [
                    receipts > 0 ? ct(lang, 'finish.slipReceipts', { n: receipts }) : '',
                    refusals > 0 ? ct(lang, 'finish.slipRefusals', { n: refusals }) : '',
                  ]
                    .filter((x) => x !== '')
                    .join(lang === 'zh' ? '，' : ', '),
                })}
          </span>
          <button
            type="submit"
            className="c-btn c-btn--primary"
            disabled={busy !== null || t === null}
            data-testid="finish-submit"
            data-autofocus
          >
            {ct(lang, 'finish.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
