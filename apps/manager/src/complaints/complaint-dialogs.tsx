import { useState, type ReactElement } from 'react';
import { complaintChannelNames, complaintChannels, type ComplaintChannel } from '@yichuang/protocol';
import { act, newRequestId } from '../live/live-actions.ts';
import { Dialog } from '../shell/dialog.tsx';
import type { Lang } from '../shell/make-strings.ts';
import type { NamedConfig } from '../shell/hall-names.ts';
import { ct } from './complaints-strings.ts';

interface Base {
  lang: Lang;
  onClose: () => void;
  onDone: () => void;
}

type Config = NamedConfig;

const trimmed = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** 登记投诉: the channel and what first; who complained, and about whom, when known. */
export function RecordDialog(p: Base & { config: Config | null }): ReactElement {
  const { lang } = p;
  const [requestId] = useState(() => newRequestId('complaint'));
  const [channel, setChannel] = useState<ComplaintChannel>('onsite');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [windowId, setWindowId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [ticket, setTicket] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    const res = await act(
      'POST',
      '/api/complaints',
      {
        requestId,
        channel,
        text,
        name: trimmed(name),
        phone: trimmed(phone),
        windowId: trimmed(windowId),
        officerId: trimmed(officerId),
        ticketNumber: trimmed(ticket),
      },
      { done: () => ct(lang, 'done.recorded'), failed: (e) => e.message },
    );
    setBusy(false);
    if (res.ok) p.onDone();
  };

  return (
    <Dialog
      title={ct(lang, 'form.title')}
      onClose={p.onClose}
      testId="complaint-record-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={p.onClose}>
            {ct(lang, 'cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--primary"
            data-testid="complaint-save"
            disabled={busy || text.trim() === ''}
            onClick={() => void save()}
          >
            {ct(lang, 'form.save')}
          </button>
        </>
      }
    >
      <div className="cp-form">
        <fieldset className="cp-channels">
          <legend>{ct(lang, 'form.channel')}</legend>
          {complaintChannels.map((c) => (
            <label key={c} className={`cp-channel ${channel === c ? 'cp-channel--on' : ''}`}>
              <input
                type="radio"
                name="channel"
                value={c}
                data-testid={`channel-${c}`}
                checked={channel === c}
                onChange={() => setChannel(c)}
              />
              {complaintChannelNames[c][lang]}
            </label>
          ))}
        </fieldset>
        <label className="m-field cp-wide">
          <span>{ct(lang, 'form.text')}</span>
          <textarea
            rows={4}
            maxLength={1000}
            data-testid="complaint-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'form.name')}</span>
          <input maxLength={40} data-testid="complaint-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'form.phone')}</span>
          <input
            inputMode="numeric"
            maxLength={11}
            data-testid="complaint-phone"
            value={phone}
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'form.window')}</span>
          <select data-testid="complaint-window" value={windowId} onChange={(e) => setWindowId(e.target.value)}>
            <option value="">{ct(lang, 'form.none')}</option>
            {p.config?.windows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="m-field">
          <span>{ct(lang, 'form.officer')}</span>
          <select data-testid="complaint-officer" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
            <option value="">{ct(lang, 'form.none')}</option>
            {p.config?.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}（{o.id}）
              </option>
            ))}
          </select>
        </label>
        <label className="m-field">
          <span>{ct(lang, 'form.ticket')}</span>
          <input
            maxLength={7}
            data-testid="complaint-ticket"
            value={ticket}
            onChange={(e) => setTicket(e.target.value.toUpperCase())}
          />
        </label>
      </div>
    </Dialog>
  );
}

/** 交办: pick the officer in charge. */
export function AssignDialog(
  p: Base & { config: Config | null; complaintId: string; current: string | null },
): ReactElement {
  const { lang } = p;
  const [requestId] = useState(() => newRequestId('assign'));
  const [officerId, setOfficerId] = useState(p.current ?? p.config?.officers[0]?.id ?? '');
  const save = async (): Promise<void> => {
    const res = await act(
      'POST',
      `/api/complaints/${encodeURIComponent(p.complaintId)}/assign`,
      { requestId, officerId },
      { done: () => ct(lang, 'done.assigned'), failed: (e) => e.message },
    );
    if (res.ok) p.onDone();
  };
  return (
    <Dialog
      title={ct(lang, 'assign.title')}
      onClose={p.onClose}
      testId="complaint-assign-dialog"
      actions={
        <button
          type="button"
          className="m-btn m-btn--primary"
          data-testid="assign-save"
          disabled={officerId === ''}
          onClick={() => void save()}
        >
          {ct(lang, 'assign.save')}
        </button>
      }
    >
      <label className="m-field">
        <span>{ct(lang, 'assign.officer')}</span>
        <select data-testid="assign-officer" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
          {p.config?.officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}（{o.id}）
            </option>
          ))}
        </select>
      </label>
    </Dialog>
  );
}

/** 办结 a complaint with its result, or a follow-up with what was done: one text, one button. */
export function CloseDialog(p: Base & { kind: 'complaint' | 'followup'; id: string; summary: string }): ReactElement {
  const { lang } = p;
  const complaint = p.kind === 'complaint';
  const [requestId] = useState(() => newRequestId(p.kind));
  const [text, setText] = useState('');
  const save = async (): Promise<void> => {
    const path = complaint
      ? `/api/complaints/${encodeURIComponent(p.id)}/close`
      : `/api/followups/${encodeURIComponent(p.id)}/close`;
    const res = await act('POST', path, complaint ? { requestId, result: text } : { requestId, action: text }, {
      done: () => ct(lang, complaint ? 'done.closed' : 'done.followUp'),
      failed: (e) => e.message,
    });
    if (res.ok) p.onDone();
  };
  return (
    <Dialog
      title={ct(lang, complaint ? 'close.title' : 'fu.title')}
      onClose={p.onClose}
      testId="complaint-close-dialog"
      actions={
        <button
          type="button"
          className="m-btn m-btn--primary"
          data-testid="close-save"
          disabled={text.trim() === ''}
          onClick={() => void save()}
        >
          {ct(lang, complaint ? 'close.save' : 'fu.save')}
        </button>
      }
    >
      <p className="cp-summary">{p.summary}</p>
      <label className="m-field">
        <span>{ct(lang, complaint ? 'close.result' : 'fu.action')}</span>
        <textarea
          rows={4}
          maxLength={1000}
          data-testid="close-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
    </Dialog>
  );
}
