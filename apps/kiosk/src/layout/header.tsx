import type { ReactElement } from 'react';
import { Clock, Icon, t } from '@yichuang/ui';
import { hallName } from '../catalogue-text.ts';
import { useKiosk } from '../kiosk-store.ts';

/** Hall name, clock and date; below them 首页 and the two toggles every screen offers. */
export function Header(): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const elderly = useKiosk((s) => s.elderly);
  const atHome = useKiosk((s) => s.stack.length <= 1);
  const catalogue = useKiosk((s) => s.catalogue);
  const name = hallName(catalogue?.hall, lang);
  return (
    <header className="k-header">
      <div className="k-header__top">
        <div className="k-brand">
          <div className="k-emblem">
            <Icon name="emblem" size={60} />
          </div>
          <div>
            <h1 className="k-brand__name" data-testid="hall-name">
              {name}
            </h1>
            <div className="k-brand__sub">{t(lang, 'app.kiosk')}</div>
          </div>
        </div>
        <Clock lang={lang} timeZone={catalogue?.hall.timezone ?? 'Asia/Shanghai'} />
      </div>
      <nav className="k-toolbar">
        {!atHome && (
          <button type="button" className="k-tool" onClick={() => useKiosk.getState().home()} data-testid="go-home">
            <Icon name="home" size={44} />
            {t(lang, 'common.home')}
          </button>
        )}
        <span className="k-toolbar__gap" />
        <button
          type="button"
          className="k-tool"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => useKiosk.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
          data-testid="toggle-lang"
        >
          <Icon name="globe" size={44} />
          {t(lang, 'app.lang')}
        </button>
        <button
          type="button"
          className={`k-tool${elderly ? ' k-tool--on' : ''}`}
          aria-pressed={elderly}
          onClick={() => useKiosk.getState().toggleElderly()}
          data-testid="toggle-elderly"
        >
          <Icon name="textSize" size={44} />
          {t(lang, elderly ? 'app.elderlyOn' : 'app.elderly')}
        </button>
      </nav>
    </header>
  );
}
