import type { ReactElement } from 'react';
import { greenReasons, type Catalogue, type GreenReason } from '@yichuang/protocol';
import { BigButton, Icon, StatusBanner, greenReasonLabel, t } from '@yichuang/ui';
import { serviceText } from '../catalogue-text.ts';
import { useKiosk } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { useTake } from '../use-take.ts';

/**
 * 绿色通道: choose why (staff verify it at the window). From a matter's guide: take the priority ticket.
 * From the home screen (no matter yet): go on to choose the matter, the reason carried along.
 */
export function GreenScreen(p: {
  catalogue: Catalogue;
  serviceId: string | null;
  reason: GreenReason | null;
}): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const taking = useKiosk((s) => s.taking);
  const { update, back, startGreen } = useKiosk.getState();
  const take = useTake();
  const service = p.catalogue.services.find((s) => s.id === p.serviceId);
  const choose = (reason: GreenReason): void => update({ name: 'green', serviceId: p.serviceId, reason });
  const go = (): void => {
    if (p.reason === null) return;
    if (p.serviceId === null) startGreen(p.reason);
    else take({ serviceId: p.serviceId, green: p.reason });
  };
  return (
    <ScreenFrame
      name="green"
      eyebrow={service === undefined ? undefined : serviceText(service, lang).name}
      title={t(lang, 'green.title')}
      subtitle={t(lang, 'green.subtitle')}
      actions={
        <div className="k-row k-row--actions">
          <BigButton variant="quiet" icon="back" onClick={back} testId="back">
            {t(lang, 'common.back')}
          </BigButton>
          <BigButton
            size="xl"
            variant="green"
            wide
            icon={p.serviceId === null ? 'chevronRight' : 'printer'}
            disabled={p.reason === null || taking}
            onClick={go}
            testId="take-green"
          >
            {p.reason === null
              ? t(lang, 'green.choose')
              : p.serviceId === null
                ? kt(lang, 'green.next')
                : t(lang, 'green.take')}
          </BigButton>
        </div>
      }
    >
      <div className="k-reasons" role="radiogroup">
        {greenReasons.map((r) => (
          <button
            key={r}
            type="button"
            role="radio"
            aria-checked={p.reason === r}
            className={p.reason === r ? 'k-reason k-reason--on' : 'k-reason'}
            onClick={() => choose(r)}
            data-testid={`reason-${r}`}
          >
            <span className="k-reason__mark">{p.reason === r && <Icon name="check" size={48} />}</span>
            {greenReasonLabel(lang, r)}
          </button>
        ))}
      </div>
      <StatusBanner tone="info" icon="idCard" title={t(lang, 'green.verify')} testId="green-verify" />
    </ScreenFrame>
  );
}
