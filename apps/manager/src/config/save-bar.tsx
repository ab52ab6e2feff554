import { useState, type ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { changeText } from '../shell/change-words.ts';
import { useManager } from '../shell/manager-store.ts';
import type { SectionDiff } from './config-diff.ts';
import { ct } from './config-strings.ts';
import { discard, goToIssue, loadConfig, saveDraft, useConfig } from './config-store.ts';
import { IssueList } from './issue-list.tsx';
import { diffWords, sectionName } from './issue-words.ts';
import { ConfirmDialog } from './list-tools.tsx';

/** Shown while the draft differs from the running config: what differs, save, discard. */
export function SaveBar({ diffs }: { diffs: SectionDiff[] }): ReactElement | null {
  const lang = useManager((s) => s.lang);
  const saving = useConfig((s) => s.saving);
  const [asking, setAsking] = useState(false);
  if (diffs.length === 0) return null;
  return (
    <div className="cfg-bar" role="region" aria-label={ct(lang, 'bar.unsaved')} data-testid="unsaved-bar">
      <Icon name="alert" size={22} />
      <b className="cfg-bar__title">{ct(lang, 'bar.unsaved')}</b>
      <span className="cfg-bar__what" data-testid="unsaved-summary">
        {diffs.map((d) => (
          <span key={d.section} className="cfg-bar__chip">
            {sectionName(lang, d.section)} · {diffWords(lang, d)}
          </span>
        ))}
      </span>
      <span className="m-gap" />
      <button type="button" className="m-btn" disabled={saving} onClick={() => setAsking(true)} data-testid="discard">
        {ct(lang, 'bar.discard')}
      </button>
      <button
        type="button"
        className="m-btn m-btn--primary"
        disabled={saving}
        onClick={() => void saveDraft()}
        data-testid="save"
      >
        {saving ? ct(lang, 'bar.saving') : ct(lang, 'bar.save')}
      </button>
      {asking && (
        <ConfirmDialog
          title={ct(lang, 'bar.discardTitle')}
          message={ct(lang, 'bar.discardText')}
          confirmLabel={ct(lang, 'bar.discard')}
          onConfirm={discard}
          onClose={() => setAsking(false)}
        />
      )}
    </div>
  );
}

/** The hub's answer to the last save, and a newer version seen meanwhile. */
export function OutcomeNote(): ReactElement | null {
  const lang = useManager((s) => s.lang);
  const outcome = useConfig((s) => s.outcome);
  const issues = useConfig((s) => s.issues);
  const draft = useConfig((s) => s.draft);
  const remote = useConfig((s) => s.remoteVersion);
  const dismiss = (): void => useConfig.setState({ outcome: null });
  const reload = (
    <button type="button" className="m-btn m-btn--small" data-testid="reload" onClick={() => void loadConfig()}>
      {ct(lang, 'outcome.reload')}
    </button>
  );
  const close = (
    <button type="button" className="m-btn m-btn--small cfg-note__close" onClick={dismiss}>
      {ct(lang, 'outcome.dismiss')}
    </button>
  );

  const remoteNote =
    remote !== null && outcome?.kind !== 'stale' ? (
      <div className="m-note m-note--warn cfg-note" data-testid="remote-note">
        <span>{ct(lang, 'outcome.remote', { version: remote })}</span>
        {reload}
      </div>
    ) : null;

  if (outcome === null) return remoteNote;
  let note: ReactElement;
  switch (outcome.kind) {
    case 'saved':
      note = (
        <div className="m-note m-note--ok cfg-note" data-testid="outcome" data-kind="saved">
          <div>
            <b>{ct(lang, 'outcome.saved', { version: outcome.version })}</b>
            <ul className="cfg-diff-list">
              {outcome.changes.map((c, i) => (
                <li key={i}>{changeText(lang, c, draft)}</li>
              ))}
            </ul>
          </div>
          {close}
        </div>
      );
      break;
    case 'unchanged':
      note = (
        <div className="m-note cfg-note" data-testid="outcome" data-kind="unchanged">
          <span>{ct(lang, 'save.unchanged', { version: outcome.version })}</span>
          {close}
        </div>
      );
      break;
    case 'refused':
      note = (
        <div className="m-note m-note--error cfg-note" data-testid="outcome" data-kind="refused">
          <div>
            {outcome.code === 'CONFIG_UNSAFE' ? (
              <>
                <b>{ct(lang, 'outcome.unsafe')}</b> <span data-testid="outcome-message">{outcome.message}</span>
              </>
            ) : issues.length === 0 ? (
              <b>{ct(lang, 'outcome.fixed')}</b>
            ) : (
              <>
                <b>{ct(lang, 'outcome.refused')}</b>
                <IssueList issues={issues} config={draft} onGo={(i) => goToIssue([i])} />
              </>
            )}
          </div>
          {close}
        </div>
      );
      break;
    case 'stale':
      note = (
        <div className="m-note m-note--warn cfg-note" data-testid="outcome" data-kind="stale">
          <span>{ct(lang, 'outcome.stale', { message: outcome.message })}</span>
          {reload}
        </div>
      );
      break;
    case 'failed':
      note = (
        <div className="m-note m-note--error cfg-note" data-testid="outcome" data-kind="failed">
          <span>{ct(lang, 'outcome.failed', { message: outcome.message })}</span>
          {close}
        </div>
      );
      break;
  }
  return (
    <>
      {remoteNote}
      {note}
    </>
  );
}
