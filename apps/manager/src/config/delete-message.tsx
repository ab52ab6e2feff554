import type { ReactElement } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import type { RefGroup } from './references.ts';

/** "Delete X?" and, when something still names it, what has to change as well. */
export function DeleteMessage({ name, refs, note }: { name: string; refs?: RefGroup[]; note?: string }): ReactElement {
  const lang = useManager((s) => s.lang);
  return (
    <div className="cfg-delete">
      <p>{ct(lang, 'delete.ask', { name })}</p>
      {note !== undefined && <p className="m-muted">{note}</p>}
      {refs !== undefined && refs.length > 0 && (
        <div className="m-note m-note--warn">
          <p>{ct(lang, 'delete.stillUsed')}</p>
          <ul>
            {refs.map((g) => (
              <li key={g.section}>
                {ct(lang, `section.${g.section}`)}：{g.names.slice(0, 8).join('、')}
                {g.names.length > 8 ? ` … (${g.names.length})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="m-muted">{ct(lang, 'delete.untilSaved')}</p>
    </div>
  );
}
