import { useState, type ReactElement } from 'react';
import { Dialog } from '../shell/dialog.tsx';
import type { Lang } from '../shell/make-strings.ts';
import { mt } from '../shell/shell-strings.ts';
import { act } from './live-actions.ts';
import { MAX_NOTICE_CHARS, MAX_NOTICE_LINES, noticeLines, noticeProblems } from './live-format.ts';
import { lt } from './live-strings.ts';

/** The displays' scrolling notice line (警务公开): one notice a line, sent to every display at once. */
export function NoticeLineDialog(p: { current: readonly string[]; lang: Lang; onClose: () => void }): ReactElement {
  const { lang } = p;
  const [text, setText] = useState(() => p.current.join('\n'));
  const [busy, setBusy] = useState(false);
  const lines = noticeLines(text);
  const problems = noticeProblems(lang, lines);

  const save = async (): Promise<void> => {
    setBusy(true);
    const res = await act(
      'POST',
      '/api/display/notices',
      { notices: lines },
      {
        done: () => (lines.length === 0 ? lt(lang, 'nd.cleared') : lt(lang, 'nd.done', { n: lines.length })),
        failed: (e) => lt(lang, 'nd.failed', { reason: e.message }),
      },
    );
    setBusy(false);
    if (res.ok) p.onClose();
  };

  return (
    <Dialog
      title={lt(lang, 'nd.title')}
      onClose={p.onClose}
      wide
      testId="notice-line-dialog"
      actions={
        <>
          <span className={`l-counter m-num ${lines.length > MAX_NOTICE_LINES ? 'l-warn' : 'm-muted'}`}>
            {lt(lang, 'nd.count', { n: lines.length, max: MAX_NOTICE_LINES })}
          </span>
          <span className="m-gap" />
          <button type="button" className="m-btn" onClick={p.onClose}>
            {mt(lang, 'common.cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--primary"
            disabled={busy || problems.length > 0}
            data-testid="notice-line-save"
            onClick={() => void save()}
          >
            {lt(lang, 'nd.save')}
          </button>
        </>
      }
    >
      <p className="m-muted">{lt(lang, 'nd.help', { max: MAX_NOTICE_LINES, len: MAX_NOTICE_CHARS })}</p>
      <textarea
        className="m-input l-notice-text"
        rows={10}
        value={text}
        spellCheck={false}
        data-testid="notice-line-text"
        onChange={(e) => setText(e.target.value)}
      />
      {problems.length > 0 && (
        <ul className="m-note m-note--error l-problems" data-testid="notice-line-problems">
          {problems.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
