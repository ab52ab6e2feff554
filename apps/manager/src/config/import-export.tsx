import { useRef, useState, type ReactElement } from 'react';
import { Dialog } from '../shell/dialog.tsx';
import { saveBlob } from '../shell/hub-api.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { ct } from './config-strings.ts';
import { applyConfig, fetchDoc, isDirty, useConfig } from './config-store.ts';
import { sendable } from './draft-model.ts';
import { checkImport, type ImportCheck } from './import-check.ts';
import type { Issue } from './issue-paths.ts';
import { IssueList } from './issue-list.tsx';
import { diffWords, sectionName } from './issue-words.ts';

/**
 * The running config as the hub has it (fresh), as a file that imports back unchanged. It holds no PIN hash
 * and no device key: those never leave the hub, and an import keeps them for every officer and device it names.
 */
export function ExportButton(): ReactElement {
  const lang = useManager((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    const res = await fetchDoc();
    setBusy(false);
    const say = useManager.getState().say;
    if (!res.ok) return say('error', res.error.message);
    const file = `hall-config-${res.data.config.hall.id}-v${res.data.version}.json`;
    saveBlob(new Blob([`${JSON.stringify(sendable(res.data.config), null, 2)}\n`], { type: 'application/json' }), file);
    say('ok', ct(lang, 'export.done', { file }));
  };
  return (
    <button type="button" className="m-btn" disabled={busy} onClick={() => void run()} data-testid="export-config">
      {ct(lang, 'export.button')}
    </button>
  );
}

interface Picked {
  file: string;
  check: ImportCheck;
}

function ImportDialog({ picked, onClose }: { picked: Picked; onClose: () => void }): ReactElement {
  const lang = useManager((s) => s.lang);
  const dirty = useConfig(isDirty);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; issues: Issue[] } | null>(null);
  const { check } = picked;

  const apply = async (): Promise<void> => {
    if (check.kind !== 'ok') return;
    setBusy(true);
    const res = await applyConfig(check.config);
    setBusy(false);
    if (res.ok) return onClose();
    setRefusal({ message: res.error.message, issues: res.error.issues ?? [] });
  };

  return (
    <Dialog
      title={ct(lang, 'import.title', { file: picked.file })}
      onClose={onClose}
      wide
      testId="import-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={onClose}>
            {mt(lang, check.kind === 'ok' ? 'common.cancel' : 'common.close')}
          </button>
          {check.kind === 'ok' && (
            <button
              type="button"
              className="m-btn m-btn--primary"
              disabled={busy}
              data-testid="import-apply"
              onClick={() => void apply()}
            >
              {busy ? ct(lang, 'import.applying') : ct(lang, 'import.apply')}
            </button>
          )}
        </>
      }
    >
      {check.kind === 'not-json' && (
        <div className="m-note m-note--error" data-testid="import-error">
          {ct(lang, 'import.notJson', { reason: check.reason })}
        </div>
      )}
      {check.kind === 'invalid' && (
        <div className="m-note m-note--error" data-testid="import-error">
          {ct(lang, 'import.invalid', { n: check.issues.length })}
          <IssueList issues={check.issues} config={check.config} />
        </div>
      )}
      {check.kind === 'ok' && (
        <>
          {check.otherHall !== null && (
            <div className="m-note m-note--warn">{ct(lang, 'import.otherHall', { id: check.otherHall })}</div>
          )}
          {check.diffs.length === 0 && check.pinChanges.length === 0 ? (
            <div className="m-note m-note--ok" data-testid="import-summary">
              {ct(lang, 'import.same')}
            </div>
          ) : (
            <div className="m-note" data-testid="import-summary">
              <p>{ct(lang, 'import.differs')}</p>
              <ul className="cfg-diff-list">
                {check.diffs.map((d) => (
                  <li key={d.section}>
                    <b>{sectionName(lang, d.section)}</b>：{diffWords(lang, d)}
                    {d.kind === 'list' && d.added.length + d.removed.length > 0 && (
                      <span className="m-muted">
                        {' '}
                        {[...d.added.map((x) => `+${x}`), ...d.removed.map((x) => `−${x}`)].slice(0, 10).join(' ')}
                      </span>
                    )}
                  </li>
                ))}
                {check.pinChanges.length > 0 && (
                  <li>{ct(lang, 'import.pins', { names: check.pinChanges.join('、') })}</li>
                )}
              </ul>
            </div>
          )}
          {dirty && <div className="m-note m-note--warn">{ct(lang, 'import.dropsDraft')}</div>}
        </>
      )}
      {refusal !== null && (
        <div className="m-note m-note--error" data-testid="import-refused">
          {refusal.message}
          {refusal.issues.length > 0 && (
            <IssueList issues={refusal.issues} config={check.kind === 'ok' ? check.config : null} />
          )}
          <p>{ct(lang, 'import.refusedUntouched')}</p>
        </div>
      )}
    </Dialog>
  );
}

/** Pick a JSON file: it is read and checked here, and changes nothing until "import and apply". */
export function ImportButton(): ReactElement {
  const lang = useManager((s) => s.lang);
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const onFile = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    const running = useConfig.getState().base?.config;
    if (running === undefined) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      useManager.getState().say('error', ct(lang, 'import.readFailed', { reason: (err as Error).message }));
      return;
    }
    setPicked({ file: file.name, check: checkImport(text, running) });
  };
  return (
    <>
      <button type="button" className="m-btn" onClick={() => input.current?.click()} data-testid="import-config">
        {ct(lang, 'import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          // The same file picked again (after fixing it) must fire again.
          e.target.value = '';
        }}
      />
      {picked !== null && <ImportDialog picked={picked} onClose={() => setPicked(null)} />}
    </>
  );
}
