import type { ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { Icon, categoryIcon, categoryLabel, t } from '@yichuang/ui';
import { categoriesOf } from '../catalogue.ts';
import { useQueues } from '../hub-context.tsx';
import { useKiosk } from '../kiosk-store.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';

/** Categories as large tiles with how many wait, then 预约签到 and the pinyin search. */
export function HomeScreen({ catalogue }: { catalogue: Catalogue }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const queues = useQueues();
  const go = useKiosk((s) => s.go);
  const categories = categoriesOf(catalogue);
  return (
    <ScreenFrame name="home" title={t(lang, 'home.title')} subtitle={t(lang, 'home.subtitle')}>
      <div className="k-tiles">
        {categories.map((c) => {
          const waiting = c.queueIds.reduce((n, q) => n + (queues.get(q)?.waiting ?? 0), 0);
          return (
            <button
              key={c.name}
              type="button"
              className="k-tile"
              onClick={() => go({ name: 'category', category: c.name, page: 0 })}
              data-testid={`category-${c.name}`}
            >
              <span className="k-tile__icon">
                <Icon name={categoryIcon(c.name)} size={68} />
              </span>
              <span className="k-tile__text">
                <span className="k-tile__name">{categoryLabel(lang, c.name)}</span>
                {lang === 'en' && <span className="k-tile__original">{c.name}</span>}
                <span className="k-tile__meta">
                  <span className={waiting > 0 ? 'k-waiting' : 'k-waiting k-waiting--none'}>
                    {waiting > 0 ? t(lang, 'common.waiting', { n: waiting }) : t(lang, 'common.waitingNone')}
                  </span>
                  <span className="k-tile__count">{t(lang, 'common.matters', { n: c.services.length })}</span>
                </span>
              </span>
            </button>
          );
        })}
      </div>
      <h3 className="k-section">{t(lang, 'home.other')}</h3>
      <div className="k-tiles k-tiles--ways">
        <button
          type="button"
          className="k-tile k-tile--appt"
          onClick={() => go({ name: 'appointment', code: '' })}
          data-testid="appointment"
        >
          <span className="k-tile__icon">
            <Icon name="calendar" size={68} />
          </span>
          <span className="k-tile__text">
            <span className="k-tile__name">{t(lang, 'home.appointment')}</span>
            <span className="k-tile__hint">{t(lang, 'home.appointmentHint')}</span>
          </span>
        </button>
        <button
          type="button"
          className="k-tile k-tile--search"
          onClick={() => go({ name: 'search', query: '' })}
          data-testid="search"
        >
          <span className="k-tile__icon">
            <Icon name="search" size={68} />
          </span>
          <span className="k-tile__text">
            <span className="k-tile__name">{t(lang, 'home.search')}</span>
            <span className="k-tile__hint">{t(lang, 'home.searchHint')}</span>
          </span>
        </button>
      </div>
      <div className="k-home-note">
        {catalogue.hall.today !== null && (
          <span className="k-home-note__hours">
            <Icon name="clock" size={40} />
            <span>{t(lang, 'closed.today', catalogue.hall.today)}</span>
          </span>
        )}
        <span>{t(lang, 'app.help')}</span>
      </div>
    </ScreenFrame>
  );
}
