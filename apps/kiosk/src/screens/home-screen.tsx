import type { ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { BigButton, Icon, categoryIcon, categoryLabel, t, type IconName } from '@yichuang/ui';
import { categoriesOf } from '../catalogue.ts';
import { useQueues } from '../hub-context.tsx';
import { useKiosk } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';

/**
 * Categories as large tiles with how many wait; then 预约签到, the pinyin search and 绿色通道.
 * `choosing`: the same tiles for a citizen already in the green channel (the reason is chosen).
 */
export function HomeScreen({
  catalogue,
  choosing = false,
}: {
  catalogue: Catalogue;
  choosing?: boolean;
}): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const queues = useQueues();
  const go = useKiosk((s) => s.go);
  const back = useKiosk((s) => s.back);
  const categories = categoriesOf(catalogue);
  return (
    <ScreenFrame
      name={choosing ? 'choose' : 'home'}
      title={t(lang, 'home.title')}
      subtitle={t(lang, 'home.subtitle')}
      actions={
        choosing ? (
          <BigButton variant="quiet" icon="back" onClick={back} testId="back">
            {t(lang, 'common.back')}
          </BigButton>
        ) : undefined
      }
    >
      <div className={choosing ? 'k-home k-home--choosing' : 'k-home'}>
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
        <div className="k-ways">
          <h3 className="k-section">{t(lang, 'home.other')}</h3>
          {!choosing && (
            <Way
              kind="appt"
              icon="calendar"
              name={t(lang, 'home.appointment')}
              hint={t(lang, 'home.appointmentHint')}
              onClick={() => go({ name: 'appointment', code: '' })}
              testId="appointment"
            />
          )}
          <Way
            kind="search"
            icon="search"
            name={t(lang, 'home.search')}
            hint={t(lang, 'home.searchHint')}
            onClick={() => go({ name: 'search', query: '' })}
            testId="search"
          />
          {!choosing && (
            <Way
              kind="green"
              icon="priority"
              name={kt(lang, 'home.green')}
              hint={kt(lang, 'home.greenHint')}
              onClick={() => go({ name: 'green', serviceId: null, reason: null })}
              testId="green-home"
            />
          )}
        </div>
      </div>
      <div className="k-home-note" data-testid="today-note">
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

function Way(p: {
  kind: 'appt' | 'search' | 'green';
  icon: IconName;
  name: string;
  hint: string;
  onClick: () => void;
  testId: string;
}): ReactElement {
  return (
    <button type="button" className={`k-tile k-tile--way k-tile--${p.kind}`} onClick={p.onClick} data-testid={p.testId}>
      <span className="k-tile__icon">
        <Icon name={p.icon} size={68} />
      </span>
      <span className="k-tile__text">
        <span className="k-tile__name">{p.name}</span>
        <span className="k-tile__hint">{p.hint}</span>
      </span>
    </button>
  );
}
