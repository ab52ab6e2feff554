import type { ReactElement } from 'react';
import type { HallConfig, QueueConfig } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem, removeItem, useConfig } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { IdField, TextField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { sectionIssues } from './issue-paths.ts';
import { issueText } from './issue-messages.ts';
import { RowTools } from './list-tools.tsx';
import { referencesTo } from './references.ts';

/** The first free capital letter (A, B, … then AA): a new queue starts with a prefix nobody uses. */
function freePrefix(queues: QueueConfig[]): string {
  const used = new Set(queues.map((q) => q.prefix));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  return (
    letters.find((l) => !used.has(l)) ??
    letters.flatMap((a) => letters.map((b) => a + b)).find((p) => !used.has(p)) ??
    ''
  );
}

function served(config: HallConfig, id: string): string[] {
  return config.windows.filter((w) => w.queues === 'all' || w.queues.includes(id)).map((w) => w.name);
}

/** Call lines: each has its own ticket prefix, so quick matters do not wait behind long ones (大小业务分类叫号). */
export function QueuesForm({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const issues = useConfig((s) => s.issues);
  const keys = useConfig((s) => s.keys.queues);
  return (
    <section className="m-card">
      <div className="m-card__head">
        <span className="m-card__title">{ct(lang, 'queues.title')}</span>
        <span className="m-chip">{config.queues.length}</span>
        <span className="m-gap" />
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid="add-queues"
          onClick={() => addItem('queues', { id: '', prefix: freePrefix(config.queues), name: '' })}
        >
          + {ct(lang, 'queues.add')}
        </button>
      </div>
      <p className="cfg-intro">{ct(lang, 'queues.intro')}</p>
      {sectionIssues(issues, 'queues').map((g, i) => (
        <div key={i} className="m-note m-note--error">
          {issueText(lang, g.message)}
        </div>
      ))}
      <table className="m-table cfg-table">
        <thead>
          <tr>
            <th style={{ width: '20%' }}>{fl(lang, 'queues.id')}</th>
            <th style={{ width: '10%' }}>{fl(lang, 'queues.prefix')}</th>
            <th style={{ width: '24%' }}>{fl(lang, 'queues.name')}</th>
            <th>{ct(lang, 'queues.usage')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {config.queues.map((q, i) => {
            const services = config.services.filter((s) => s.queue === q.id).length;
            const windows = served(config, q.id);
            return (
              <tr key={keys[i] ?? i} data-testid={`queue-row-${i}`}>
                <td>
                  <IdField
                    list="queues"
                    index={i}
                    label={fl(lang, 'queues.id')}
                    value={q.id}
                    bare
                    onChange={(id) => patchItem('queues', i, { id })}
                  />
                </td>
                <td>
                  <TextField
                    label={fl(lang, 'queues.prefix')}
                    path={`queues.${i}.prefix`}
                    value={q.prefix}
                    bare
                    mono
                    maxLength={2}
                    clean={(v) => v.toUpperCase().replace(/[^A-Z]/g, '')}
                    onChange={(v) => patchItem('queues', i, { prefix: v ?? '' })}
                  />
                </td>
                <td>
                  <TextField
                    label={fl(lang, 'queues.name')}
                    path={`queues.${i}.name`}
                    value={q.name}
                    bare
                    maxLength={50}
                    onChange={(v) => patchItem('queues', i, { name: v ?? '' })}
                  />
                </td>
                <td className="cfg-usage">
                  <span>{ct(lang, 'queues.usageServices', { n: services })}</span>
                  <span className={windows.length === 0 ? 'cfg-usage--none' : 'm-muted'}>
                    {windows.length === 0
                      ? ct(lang, 'queues.noWindow')
                      : ct(lang, 'queues.usageWindows', { names: windows.join('、') })}
                  </span>
                </td>
                <td className="cfg-table__tools">
                  <RowTools
                    name="queues"
                    index={i}
                    count={config.queues.length}
                    onRemove={() => removeItem('queues', i)}
                    confirm={
                      <DeleteMessage
                        name={q.name || q.id}
                        refs={referencesTo(config, 'queue', q.id, lang)}
                        note={ct(lang, 'queues.deleteNote')}
                      />
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
