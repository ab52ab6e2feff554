import type { ReactElement } from 'react';
import { BigButton, Icon, Keypad, t } from '@yichuang/ui';
import { useKiosk } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { useTake } from '../use-take.ts';

const MAX = 32;

/**
 * 预约签到: the code from the booking message (capitals or not, the hub does not mind); the appointment
 * itself names the matter, and the ticket shows its slot. When check-in is allowed is said up front.
 */
export function AppointmentScreen({ code }: { code: string }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const taking = useKiosk((s) => s.taking);
  const checkIn = useKiosk((s) => s.catalogue?.kiosk.appointmentCheckIn);
  const { update, back } = useKiosk.getState();
  const take = useTake();
  const set = (c: string): void => update({ name: 'appointment', code: c.slice(0, MAX) });
  return (
    <ScreenFrame
      name="appointment"
      title={t(lang, 'appt.title')}
      subtitle={t(lang, 'appt.subtitle')}
      actions={
        <div className="k-row k-row--actions">
          <BigButton variant="quiet" icon="back" onClick={back} testId="back">
            {t(lang, 'common.back')}
          </BigButton>
          <BigButton
            size="xl"
            wide
            icon="calendar"
            disabled={code.length < 4 || taking}
            onClick={() => take({ appointmentCode: code })}
            testId="take-appointment"
          >
            {t(lang, 'appt.take')}
          </BigButton>
        </div>
      }
      side={
        <Keypad
          layout="code"
          lang={lang}
          onKey={(k) => set(code + k)}
          onDelete={() => set(code.slice(0, -1))}
          onClear={() => set('')}
        />
      }
    >
      <div className="k-entry" data-testid="appointment-code">
        {code === '' ? (
          <span className="k-entry__placeholder">{t(lang, 'appt.placeholder')}</span>
        ) : (
          <span className="k-entry__value num">{code}</span>
        )}
      </div>
      <ul className="k-notes" data-testid="appointment-hint">
        <li>{t(lang, 'appt.hint')}</li>
        {checkIn !== undefined && (
          <li className="k-notes__time">
            <Icon name="clock" size={36} />
            {kt(lang, 'appt.window', { early: checkIn.earlyMinutes, late: checkIn.lateMinutes })}
          </li>
        )}
      </ul>
    </ScreenFrame>
  );
}
