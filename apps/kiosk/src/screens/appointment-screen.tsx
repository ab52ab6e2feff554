import type { ReactElement } from 'react';
import { isValidIdCard } from '@yichuang/protocol';
import { BigButton, Icon, Keypad, t } from '@yichuang/ui';
import { useKiosk, type CheckInBy } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { useSendTake, useTake } from '../use-take.ts';
import { useHub } from '../hub-context.tsx';

const MAX: Record<CheckInBy, number> = { code: 32, phone: 11, id: 18 };

/** Whether what was typed can be sent: a code of 4+, an 11-digit mobile number, a valid ID-card number. */
function complete(by: CheckInBy, value: string): boolean {
  if (by === 'code') return value.length >= 4;
  if (by === 'phone') return /^1[3-9]\d{9}$/.test(value);
  return isValidIdCard(value);
}

/**
 * 预约签到: by the code from the booking message (capitals or not, the hub does not mind), or by the
 * mobile number or ID card the booking was made with, for those who lost the message. The appointment
 * itself names the matter, and the ticket shows its slot. When check-in is allowed is said up front.
 */
export function AppointmentScreen({ code, by }: { code: string; by: CheckInBy }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const taking = useKiosk((s) => s.taking);
  const checkIn = useKiosk((s) => s.catalogue?.kiosk.appointmentCheckIn);
  const { update, back } = useKiosk.getState();
  const take = useTake();
  const send = useSendTake();
  const connection = useHub((s) => s.connection);
  const set = (c: string, how: CheckInBy = by): void =>
    update({ name: 'appointment', code: c.slice(0, MAX[how]), by: how });
  const type = (k: string): void => {
    if (by === 'phone' && !/\d/.test(k)) return;
    set(code + k);
  };
  const submit = async (): Promise<void> => {
    if (by === 'code') return take({ appointmentCode: code });
    if (by === 'id') return send({}, code);
    // A phone checks in a ticket taken online (线上取号) if it holds one, else today's appointment.
    useKiosk.setState({ taking: true });
    const arrived = await connection.send('ticket:arrive', { requestId: crypto.randomUUID(), phone: code });
    useKiosk.setState({ taking: false });
    if (arrived.ok) useKiosk.setState({ arrival: arrived.data.ticket });
    else take({ appointmentPhone: code });
  };
  const modes: [CheckInBy, 'appt.byCode' | 'appt.byPhone' | 'appt.byId'][] = [
    ['code', 'appt.byCode'],
    ['phone', 'appt.byPhone'],
    ['id', 'appt.byId'],
  ];
  return (
    <ScreenFrame
      name="appointment"
      title={t(lang, 'appt.title')}
      // The three ways to check in take the subtitle's place: the entry's placeholder says what to type.
      actions={
        <div className="k-row k-row--actions">
          <BigButton variant="quiet" icon="back" onClick={back} testId="back">
            {t(lang, 'common.back')}
          </BigButton>
          <BigButton
            size="xl"
            wide
            icon="calendar"
            disabled={!complete(by, code) || taking}
            onClick={() => void submit()}
            testId="take-appointment"
          >
            {t(lang, 'appt.take')}
          </BigButton>
        </div>
      }
      side={
        <Keypad
          layout={by === 'code' ? 'code' : by === 'phone' ? 'phone' : 'id-card'}
          lang={lang}
          onKey={type}
          onDelete={() => set(code.slice(0, -1))}
          onClear={() => set('')}
        />
      }
    >
      <div className="k-seg" role="tablist" data-testid="appointment-by">
        {modes.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={by === id}
            className={`k-seg__item ${by === id ? 'k-seg__item--on' : ''}`}
            onClick={() => set('', id)}
            data-testid={`appointment-by-${id}`}
          >
            {kt(lang, label)}
          </button>
        ))}
      </div>
      <div className="k-entry" data-testid="appointment-code">
        {code === '' ? (
          <span className="k-entry__placeholder">
            {by === 'code'
              ? t(lang, 'appt.placeholder')
              : kt(lang, by === 'phone' ? 'appt.placeholder.phone' : 'appt.placeholder.id')}
          </span>
        ) : (
          <span className="k-entry__value num">{code}</span>
        )}
      </div>
      <ul className="k-notes" data-testid="appointment-hint">
        <li>{by === 'code' ? t(lang, 'appt.hint') : kt(lang, by === 'phone' ? 'appt.hint.phone' : 'appt.hint.id')}</li>
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
