import { useMemo, useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import { MAX_FREE_NOTICE_LINES, type Notice, type WindowView } from '@yichuang/protocol';
import { useCounter } from '../counter-store.ts';
import { officerName } from '../hall-helpers.ts';
import { sendCommand } from '../send-command.ts';
import { ct } from '../strings/strings.ts';

/**
 * 一次性告知单: the citizen's name, the matter (the current ticket's by default), the missing items
 * ticked from the matter's checklist plus up to six free lines; the officer and window are filled in.
 */
export function NoticeForm(p: { w: WindowView; state: HallState; onIssued: (n: Notice) => void }): ReactElement {
  const { w, state } = p;
  const lang = useCounter((s) => s.lang);
  const me = useCounter((s) => s.session!.officer.id);
  const busy = useCounter((s) => s.busy);
  const ticket = w.ticket;
  const [name, setName] = useState('');
  const [serviceId, setServiceId] = useState<string | null>(ticket?.serviceId ?? null);
  const [filter, setFilter] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [free, setFree] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const service = serviceId === null ? undefined : state.model.services.get(serviceId);

  const matches = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return state.model.config.services
      .filter((s) => q === '' || s.name.includes(q) || (s.pinyin ?? '').toLowerCase().startsWith(q))
      .slice(0, 12);
  }, [filter, state]);

  const addLine = (): void => {
    const line = draft.trim();
    if (line === '' || free.length >= MAX_FREE_NOTICE_LINES || free.includes(line)) return;
    setFree([...free, line]);
    setDraft('');
  };

  const submit = async (): Promise<void> => {
    const lines = draft.trim() === '' || free.length >= MAX_FREE_NOTICE_LINES ? free : [...free, draft.trim()];
    const missing = [...(service?.materials.filter((m) => ticked.includes(m)) ?? []), ...lines];
    if (name.trim() === '') return setProblem(ct(lang, 'notice.needName'));
    if (service === undefined) return setProblem(ct(lang, 'notice.needMatter'));
    if (missing.length === 0) return setProblem(ct(lang, 'notice.needMissing'));
    setProblem(null);
    const r = await sendCommand('notice:create', {
      citizenName: name.trim(),
      serviceId: service.id,
      missing,
      ...(ticket !== null && ticket.serviceId === service.id ? { ticketId: ticket.id } : {}),
    });
    if (r.ok) p.onIssued(r.data.notice);
  };

  return (
    <form
      className="c-notice"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <div className="c-notice__row">
        <label className="c-field c-field--small">
          <span>{ct(lang, 'notice.name')}</span>
          <input
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
            data-testid="notice-name"
            data-autofocus
          />
        </label>
        <div className="c-notice__who">
          <div>
            {ticket !== null ? ct(lang, 'notice.ticket', { number: ticket.number }) : ct(lang, 'notice.noTicket')}
          </div>
          <div className="c-muted" data-testid="notice-officer">
            {ct(lang, 'notice.officer', { name: officerName(state, me), window: w.name })}
          </div>
        </div>
      </div>

      <div className="c-field c-field--small">
        <span>{ct(lang, 'notice.matter')}</span>
        {service !== undefined ? (
          <div className="c-notice__matter">
            <b data-testid="notice-matter">{service.name}</b>
            {/* Out of the Tab order: Tab goes from the name straight to the checklist. */}
            <button
              type="button"
              className="c-mini"
              tabIndex={-1}
              data-testid="notice-matter-change"
              onClick={() => {
                setServiceId(null);
                setTicked([]);
              }}
            >
              {ct(lang, 'notice.change')}
            </button>
          </div>
        ) : (
          <div className="c-notice__picker">
            <input
              value={filter}
              placeholder={ct(lang, 'notice.matterFilter')}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="notice-matter-filter"
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.ctrlKey && matches[0] !== undefined) {
                  e.preventDefault();
                  setServiceId(matches[0].id);
                }
              }}
            />
            <div className="c-notice__matches">
              {matches.map((s) => (
                <button
                  type="button"
                  key={s.id}
                  className="c-mini"
                  data-testid={`notice-service-${s.id}`}
                  onClick={() => setServiceId(s.id)}
                >
                  {s.name}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>

      {service !== undefined && (
        <fieldset className="c-notice__items">
          <legend>{ct(lang, 'notice.missing')}</legend>
          {service.materials.map((m, i) => (
            <label key={m} className={`c-check ${ticked.includes(m) ? 'c-check--on' : ''}`}>
              <input
                type="checkbox"
                checked={ticked.includes(m)}
                data-testid={`notice-item-${i}`}
                onChange={(e) => setTicked(e.target.checked ? [...ticked, m] : ticked.filter((x) => x !== m))}
              />
              {m}
            </label>
          ))}
        </fieldset>
      )}

      <fieldset className="c-notice__free">
        <legend>{ct(lang, 'notice.free', { max: MAX_FREE_NOTICE_LINES })}</legend>
        {free.map((line, i) => (
          <div key={line} className="c-notice__line" data-testid={`notice-free-${i}`}>
            <span>{line}</span>
            <button type="button" className="c-mini" onClick={() => setFree(free.filter((x) => x !== line))}>
              {ct(lang, 'notice.remove')}
            </button>
          </div>
        ))}
        {free.length < MAX_FREE_NOTICE_LINES && (
          <div className="c-notice__add">
            <input
              value={draft}
              maxLength={100}
              placeholder={ct(lang, 'notice.linePlaceholder')}
              onChange={(e) => setDraft(e.target.value)}
              data-testid="notice-free-input"
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.ctrlKey) {
                  e.preventDefault();
                  addLine();
                }
              }}
            />
            <button type="button" className="c-mini" onClick={addLine} data-testid="notice-free-add">
              {ct(lang, 'notice.addLine')}
            </button>
          </div>
        )}
      </fieldset>

      {problem !== null && (
        <div className="c-problem" role="alert" data-testid="notice-problem">
          {problem}
        </div>
      )}
      <div className="c-modal__buttons">
        <button type="submit" className="c-btn c-btn--primary" disabled={busy !== null} data-testid="notice-submit">
          {ct(lang, 'notice.submit')}
        </button>
      </div>
    </form>
  );
}
