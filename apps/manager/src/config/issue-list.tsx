import type { ReactElement } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { issueText } from './issue-messages.ts';
import type { Issue } from './issue-paths.ts';
import { issuePlace } from './issue-words.ts';

const SHOWN = 12;

/** Problems, each as "where: what"; with `onGo`, each is a link to its field. */
export function IssueList(p: { issues: Issue[]; config: unknown; onGo?: (issue: Issue) => void }): ReactElement {
  const lang = useManager((s) => s.lang);
  return (
    <ul className="cfg-issues" data-testid="issue-list">
      {p.issues.slice(0, SHOWN).map((issue, i) => {
        const place = issuePlace(lang, issue.path, p.config);
        const text = (
          <>
            {place !== '' && <b>{place}：</b>}
            {issueText(lang, issue.message)}
          </>
        );
        return (
          <li key={i}>
            {p.onGo === undefined ? (
              text
            ) : (
              <button type="button" className="cfg-issues__go" onClick={() => p.onGo?.(issue)}>
                {text}
              </button>
            )}
          </li>
        );
      })}
      {p.issues.length > SHOWN && <li className="m-muted">… +{p.issues.length - SHOWN}</li>}
    </ul>
  );
}
