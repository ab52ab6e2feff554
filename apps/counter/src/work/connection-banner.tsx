import type { ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { useHall } from '../hub-context.tsx';
import { ct } from '../strings/strings.ts';
import { CoverAlert } from './cover-alert.tsx';

/** Not live: says so in red, above everything the officer reads (the screen below is greyed). */
export function ConnectionBanner(): ReactElement | null {
  const lang = useCounter((s) => s.lang);
  const { live, link } = useHall();
  if (live) return null;
  return (
    <div className="c-linkbar" role="alert" data-testid="link-banner" data-link={link}>
      <Icon name="offline" size={34} />
      <div>
        <b>{link === 'connecting' ? ct(lang, 'link.connecting') : ct(lang, 'link.offline')}</b>
        <span>{ct(lang, 'link.offlineHint')}</span>
      </div>
    </div>
  );
}

/** The two things that must never be missed, right under a screen's header. */
export function Banners(): ReactElement {
  return (
    <>
      <ConnectionBanner />
      <CoverAlert />
    </>
  );
}
