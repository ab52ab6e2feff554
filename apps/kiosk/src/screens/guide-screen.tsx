import type { ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { BigButton, formatEstimate, greenReasonLabel, t } from '@yichuang/ui';
import { queueName, serviceText } from '../catalogue-text.ts';
import { useQueues } from '../hub-context.tsx';
import { useKiosk } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { useTake } from '../use-take.ts';

/**
 * 办事指南 (一次告知): the time limit and fee, what to bring and why (scrolling if long); how many wait
 * and how long always in view beside 取号.
 */
export function GuideScreen({ catalogue, serviceId }: { catalogue: Catalogue; serviceId: string }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const taking = useKiosk((s) => s.taking);
  const green = useKiosk((s) => s.green);
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
          <BigButton variant="quiet" icon="back" onClick={back} testId="back">
            {t(lang, 'common.back')}
          </BigButton>
        }
      >
        {null}
      </ScreenFrame>
    );
  const text = serviceText(service, lang);
  const queue = catalogue.queues.find((q) => q.id === service.queue);
  const view = queues.get(service.queue);
  return (
    <ScreenFrame
      name="guide"
      eyebrow={t(lang, 'guide.title')}
      title={<span data-testid="guide-name">{text.name}</span>}
      subtitle={
        <span className="k-guide__tags">
          {text.department !== undefined && (
            <span className="k-chip k-chip--plain">
              {t(lang, 'guide.department')}
              {lang === 'zh' ? '：' : ': '}
              {text.department}
            </span>
          )}
          {queue !== undefined && (
            <span className="k-chip">
              {t(lang, 'guide.queue')}
              {lang === 'zh' ? '：' : ': '}
              <b className="num">{queue.prefix}</b> {queueName(queue, lang)}
            </span>
          )}
        </span>
      }
      side={
        <div className="k-stats">
          <div className="k-stat">
            <span className="k-stat__label">{t(lang, 'guide.waitingNow')}</span>
            <b className="k-stat__value num" data-testid="guide-waiting">
              {t(lang, 'guide.people', { n: view?.waiting ?? 0 })}
            </b>
          </div>
          <div className="k-stat">
            <span className="k-stat__label">{t(lang, 'guide.estimated')}</span>
            <b className="k-stat__value" data-testid="guide-estimate">
              {formatEstimate(view ?? { estimatedWaitS: 0 }, lang)}
            </b>
          </div>
        </div>
      }
      actions={
        <div className="k-stack">
          {green === null ? (
            <BigButton
              size="xl"
              wide
              icon="printer"
              onClick={() => take({ serviceId })}
              disabled={taking}
              testId="take"
            >
              {t(lang, 'guide.take')}
            </BigButton>
          ) : (
            <BigButton
              size="xl"
              variant="green"
              wide
              icon="priority"
              hint={greenReasonLabel(lang, green)}
              onClick={() => take({ serviceId, green })}
              disabled={taking}
              testId="take"
            >
              {kt(lang, 'guide.takeGreen')}
            </BigButton>
          )}
          <div className="k-row">
            <BigButton variant="quiet" icon="back" onClick={back} testId="back">
              {t(lang, 'common.back')}
            </BigButton>
            {green === null && (
              <BigButton
                variant="secondary"
                icon="priority"
                hint={t(lang, 'guide.greenHint')}
                onClick={() => go({ name: 'green', serviceId, reason: null })}
                testId="green"
              >
                {t(lang, 'guide.green')}
              </BigButton>
            )}
          </div>
        </div>
      }
    >
      <div className="k-facts">
        <div className="k-fact" data-testid="guide-time-limit">
          <span className="k-fact__label">{t(lang, 'guide.timeLimit')}</span>
          <b>{text.timeLimit ?? t(lang, 'guide.ask')}</b>
        </div>
        <div className="k-fact" data-testid="guide-fee">
          <span className="k-fact__label">{t(lang, 'guide.fee')}</span>
          <b>{text.fee ?? t(lang, 'guide.ask')}</b>
        </div>
      </div>
      <section className="k-panel">
        <h3 className="k-panel__title">{t(lang, 'guide.materials')}</h3>
        {text.materials.length === 0 ? (
          <p className="k-panel__empty">{t(lang, 'guide.noMaterials')}</p>
        ) : (
          <ol className="k-materials" data-testid="guide-materials">
            {text.materials.map((m, i) => (
              <li key={i}>
                <span className="k-materials__n num">{i + 1}</span>
                <span>{m}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {service.basis !== undefined && service.basis !== '' && (
        <section className="k-basis" lang="zh-CN">
          <h3 className="k-basis__title" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            {lang === 'zh' ? t(lang, 'guide.basis') : kt(lang, 'guide.basisOriginal')}
          </h3>
          <div className="k-basis__text">{service.basis}</div>
        </section>
      )}
    </ScreenFrame>
  );
}
