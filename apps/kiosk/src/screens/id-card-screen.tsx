import { useState, type ReactElement } from 'react';
import { isValidIdCard } from '@yichuang/protocol';
import { BigButton, Keypad, StatusBanner, t } from '@yichuang/ui';
import { useKiosk, type TakeRequest } from '../kiosk-store.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { useSendTake } from '../use-take.ts';

const VISIBLE = 4;

/** People behind may watch the screen: all but the last few characters typed show as dots. */
export function maskTyped(value: string): string[] {
  return value.split('').map((c, i) => (i < value.length - VISIBLE ? '•' : c));
}

/** 18 boxes grouped as on the card (6 region, 8 birth date, 4): how many are left is plain to see. */
function IdSlots({ value }: { value: string }): ReactElement {
  const shown = maskTyped(value);
  return (
    <span className="k-slots num" aria-label={shown.join('')}>
      {Array.from({ length: 18 }, (_, i) => (
        <span
          key={i}
          className={`k-slot${i === value.length ? ' k-slot--next' : ''}${i === 5 || i === 13 ? ' k-slot--gap' : ''}`}
        >
          {shown[i] ?? ''}
        </span>
      ))}
    </span>
  );
}

/** The hall allows one ticket per ID card and queue: the number is checked here, hashed by the hub. */
export function IdCardScreen({ request }: { request: TakeRequest }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const taking = useKiosk((s) => s.taking);
  const back = useKiosk((s) => s.back);
  const send = useSendTake();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const type = (next: string): void => {
    setValue(next.slice(0, 18));
    setInvalid(false);
  };
  const submit = (): void => {
    if (!isValidIdCard(value)) {
      setInvalid(true);
      return;
    }
    send(request, value);
  };
  return (
    <ScreenFrame
      name="id-card"
      title={t(lang, 'id.title')}
      subtitle={t(lang, 'id.why')}
      actions={
        <div className="k-row k-row--actions">
          <BigButton variant="quiet" icon="back" onClick={back} testId="back">
            {t(lang, 'common.back')}
          </BigButton>
          <BigButton
            size="xl"
            wide
            icon="printer"
            disabled={value.length < 18 || taking}
            onClick={submit}
            testId="take-id"
          >
            {t(lang, 'id.take')}
          </BigButton>
        </div>
      }
      side={
        <Keypad
          layout="id-card"
          lang={lang}
          onKey={(k) => type(value + k)}
          onDelete={() => type(value.slice(0, -1))}
          onClear={() => type('')}
        />
      }
    >
      <div className={invalid ? 'k-entry k-entry--id k-entry--bad' : 'k-entry k-entry--id'} data-testid="id-entry">
        <IdSlots value={value} />
        <span className="k-entry__count num">{t(lang, 'id.count', { n: value.length })}</span>
      </div>
      {invalid && <StatusBanner tone="danger" title={t(lang, 'id.invalid')} testId="id-invalid" />}
    </ScreenFrame>
  );
}
