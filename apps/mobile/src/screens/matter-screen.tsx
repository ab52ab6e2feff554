import type { ReactElement } from 'react';
import { formatEstimate, Icon, t, windowLabel } from '@yichuang/ui';
import { useCatalogue, usePublicQueues } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { mt } from '../mobile-strings.ts';
import { linkTo } from '../router.ts';
import { cityText } from '../city/city-strings.ts';
import { listOf, nameIn, serviceText } from '../service-text.ts';

/** One matter's guide (一次告知): materials, time limit, fee, legal basis, where to go, booking. */
export function MatterScreen({ serviceId }: { serviceId: string }): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const live = usePublicQueues();
  const service = catalogue?.services.find((s) => s.id === serviceId);
  if (catalogue === null || service === undefined)
    return (
      <AppShell title={t(lang, 'guide.title')} tab="guide" back={{ name: 'guide' }}>
        <Notice
          tone={catalogue === null ? 'info' : 'error'}
          text={mt(lang, catalogue === null ? 'loading' : 'guide.unknown')}
        />
      </AppShell>
    );
  const text = serviceText(service, lang);
  const queue = catalogue.queues.find((q) => q.id === service.queue);
  const liveQueue = live.queues?.queues.find((q) => q.id === service.queue);
  const windows = liveQueue?.windows ?? [];
  return (
    <AppShell title={t(lang, 'guide.title')} tab="guide" back={{ name: 'guide' }}>
      <section className="m-card m-matter">
        <h2 className="m-matter__name" data-testid="m-matter-name">
          {text.name}
        </h2>
        {text.department !== undefined && (
          <p className="m-matter__dept">
            {t(lang, 'guide.department')}
            {lang === 'zh' ? '：' : ': '}
            {text.department}
          </p>
        )}
        <dl className="m-facts">
          <div>
            <dt>{t(lang, 'guide.timeLimit')}</dt>
            <dd data-testid="m-matter-time">{text.timeLimit ?? t(lang, 'guide.ask')}</dd>
          </div>
          <div>
            <dt>{t(lang, 'guide.fee')}</dt>
            <dd data-testid="m-matter-fee">{text.fee ?? t(lang, 'guide.ask')}</dd>
          </div>
        </dl>
      </section>

      <section className="m-card">
        <h3 className="m-card__title">
          <Icon name="document" size={26} />
          {t(lang, 'guide.materials')}
        </h3>
        {text.materials.length === 0 ? (
          <p>{t(lang, 'guide.noMaterials')}</p>
        ) : (
          <ol className="m-materials" data-testid="m-matter-materials">
            {text.materials.map((m, i) => (
              <li key={`${i}-${m}`}>{m}</li>
            ))}
          </ol>
        )}
      </section>

      {queue !== undefined && (
        <section className="m-card" data-testid="m-matter-where">
          <h3 className="m-card__title">
            <Icon name="home" size={26} />
            {mt(lang, 'guide.where')}
          </h3>
          <p>{mt(lang, 'guide.whereQueue', { queue: nameIn(queue, lang), prefix: queue.prefix })}</p>
          {windows.length > 0 && (
            <p>
              {mt(lang, 'guide.whereWindows', {
                windows:
                  lang === 'zh'
                    ? `${listOf(windows, lang)}号窗口`
                    : listOf(
                        windows.map((n) => windowLabel(lang, n)),
                        lang,
                      ),
              })}
            </p>
          )}
          {liveQueue !== undefined && (
            <p className="m-matter__live">
              {t(lang, 'guide.waitingNow')} <b className="num">{liveQueue.waiting}</b> {t(lang, 'tp.people')} ·{' '}
              {liveQueue.unstaffed
                ? formatEstimate(liveQueue, lang)
                : `${t(lang, 'guide.estimated')} ${formatEstimate(liveQueue, lang)}`}
            </p>
          )}
        </section>
      )}

      {service.cityWide && (
        <a
          className="m-card m-row m-city__link"
          data-testid="m-matter-city"
          {...linkTo({ name: 'city', serviceId: service.id })}
        >
          <Icon name="home" size={26} />
          <span className="m-row__text">
            <b>{cityText(lang, 'link')}</b>
          </span>
          <Icon name="chevronRight" size={24} />
        </a>
      )}

      <section className="m-card">
        {service.bookable ? (
          <a
            className="m-btn m-btn--primary"
            data-testid="m-matter-book"
            {...linkTo({ name: 'book', serviceId: service.id })}
          >
            <Icon name="calendar" size={28} />
            {mt(lang, 'guide.book')}
          </a>
        ) : (
          <p className="m-muted" data-testid="m-matter-nobook">
            {mt(lang, 'guide.noBooking')}
          </p>
        )}
      </section>

      {service.basis !== undefined && (
        <details className="m-card m-basis">
          <summary>{t(lang, 'guide.basis')}</summary>
          <p lang="zh-CN">{service.basis}</p>
        </details>
      )}
    </AppShell>
  );
}
