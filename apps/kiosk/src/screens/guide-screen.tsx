import type { ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { BigButton, formatEstimate, t } from '@yichuang/ui';
import { useQueues } from '../hub-context.tsx';
import { useKiosk } from '../kiosk-store.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { useTake } from '../use-take.ts';

/** 办事指南 (一次告知): what to bring, how long, what it costs, why; then 取号. */
export function GuideScreen({ catalogue, serviceId }: { catalogue: Catalogue; serviceId: string }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const taking = useKiosk((s) => s.taking);
  const { go, back } = useKiosk.getState();
  const take = useTake();
  const queues = useQueues();
  const service = catalogue.services.find((s) => s.id === serviceId);
  if (service === undefined)
    return (
      <ScreenFrame
        name="guide"
        title={t(lang, 'error.UNKNOWN_SERVICE')}
        actions={
          <BigButton variant="quiet" icon="back" onClick={back}>
            {t(lang, 'common.back')}
          </BigButton>
        }
      >
        {null}
      </ScreenFrame>
    );
  const queue = catalogue.queues.find((q) => q.id === service.queue);
  const view = queues.get(service.queue);
  return (
    <ScreenFrame
      name="guide"
      eyebrow={t(lang, 'guide.title')}
      title={<span data-testid="guide-name">{service.name}</span>}
      subtitle={
        <span className="k-guide__tags">
          {service.department !== undefined && (
            <span className="k-chip k-chip--plain">
              {t(lang, 'guide.department')}：{service.department}
            </span>
          )}
          {queue !== undefined && (
            <span className="k-chip">
              {t(lang, 'guide.queue')}：<b className="num">{queue.prefix}</b> {queue.name}
            </span>
          )}
        </span>
      }
      actions={
        <div className="k-stack">
          <BigButton size="xl" wide icon="printer" onClick={() => take({ serviceId })} disabled={taking} testId="take">
            {t(lang, 'guide.take')}
          </BigButton>
          <div className="k-row">
            <BigButton variant="quiet" icon="back" onClick={back} testId="back">
              {t(lang, 'common.back')}
            </BigButton>
            <BigButton
              variant="secondary"
              icon="priority"
              hint={t(lang, 'guide.greenHint')}
              onClick={() => go({ name: 'green', serviceId, reason: null })}
              testId="green"
            >
              {t(lang, 'guide.green')}
            </BigButton>
          </div>
        </div>
      }
    >
      <div className="k-stats">
        <div className="k-stat">
          <span className="k-stat__label">{t(lang, 'guide.waitingNow')}</span>
          <b className="k-stat__value num" data-testid="guide-waiting">
            {t(lang, 'guide.people', { n: view?.waiting ?? 0 })}
          </b>
        </div>
        <div className="k-stat">
          <span className="k-stat__label">{t(lang, 'guide.estimated')}</span>
          <b className="k-stat__value">{formatEstimate(view ?? { estimatedWaitS: 0 }, lang)}</b>
        </div>
      </div>
      <section className="k-panel">
        <h3 className="k-panel__title">{t(lang, 'guide.materials')}</h3>
        {service.materials.length === 0 ? (
          <p className="k-panel__empty">{t(lang, 'guide.noMaterials')}</p>
        ) : (
          <ol className="k-materials">
            {service.materials.map((m, i) => (
              <li key={i}>
                <span className="k-materials__n num">{i + 1}</span>
                <span>{m}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="k-facts">
        <div className="k-fact">
          <span className="k-fact__label">{t(lang, 'guide.timeLimit')}</span>
          <b>{service.timeLimit ?? t(lang, 'guide.ask')}</b>
        </div>
        <div className="k-fact">
          <span className="k-fact__label">{t(lang, 'guide.fee')}</span>
          <b>{service.fee ?? t(lang, 'guide.ask')}</b>
        </div>
      </div>
      {service.basis !== undefined && service.basis !== '' && (
        <section className="k-basis">
          <h3 className="k-basis__title">{t(lang, 'guide.basis')}</h3>
          <div className="k-basis__text">{service.basis}</div>
        </section>
      )}
    </ScreenFrame>
  );
}
