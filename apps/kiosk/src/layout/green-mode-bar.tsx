import type { ReactElement } from 'react';
import type { GreenReason } from '@yichuang/protocol';
import { Icon, greenReasonLabel, type Lang } from '@yichuang/ui';
import { useKiosk } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';

/** While a citizen in the green channel chooses the matter: which lane, and a way out of it. */
export function GreenModeBar(p: { reason: GreenReason; lang: Lang; choosing: boolean }): ReactElement {
  const { reason, lang } = p;
  return (
    <div className="k-greenbar" role="status" data-testid="green-mode">
      <Icon name="priority" size={48} />
      <span className="k-greenbar__text">
        <b>{kt(lang, 'greenMode.bar', { reason: greenReasonLabel(lang, reason) })}</b>
        <span>{kt(lang, p.choosing ? 'greenMode.hint' : 'greenMode.hintGuide')}</span>
      </span>
      <button
        type="button"
        className="k-greenbar__leave"
        onClick={() => useKiosk.getState().leaveGreen()}
        data-testid="leave-green"
      >
        {kt(lang, 'greenMode.leave')}
      </button>
    </div>
  );
}
