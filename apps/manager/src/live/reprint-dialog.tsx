import { useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import { Dialog } from '../shell/dialog.tsx';
import type { Lang } from '../shell/make-strings.ts';
import { lt } from './live-strings.ts';
import { NoticeReprint } from './notice-reprint.tsx';
import { TicketReprint } from './ticket-reprint.tsx';

type Tab = 'tickets' | 'notices';

/** Find and reprint: tickets by day and number, one-time notice slips by day. */
export function ReprintDialog(p: { state: HallState; lang: Lang; onClose: () => void }): ReactElement {
  const { lang } = p;
  const [tab, setTab] = useState<Tab>('tickets');
  return (
    <Dialog title={lt(lang, 'rp.title')} onClose={p.onClose} wide testId="reprint-dialog">
      <div className="m-tabs" role="tablist">
        {(['tickets', 'notices'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`m-tab ${tab === t ? 'm-tab--on' : ''}`}
            data-testid={`rp-tab-${t}`}
            onClick={() => setTab(t)}
          >
            {lt(lang, t === 'tickets' ? 'rp.tickets' : 'rp.notices')}
          </button>
        ))}
      </div>
      {tab === 'tickets' ? (
        <TicketReprint state={p.state} lang={lang} />
      ) : (
        <NoticeReprint state={p.state} lang={lang} />
      )}
    </Dialog>
  );
}
