import { useCallback, useEffect, useState } from 'react';
import type { PublicAppointment } from '@yichuang/protocol';
import { keptPhone, lookup, recentAnswer } from '../api/appointments.ts';

export interface AppointmentState {
  appointment: PublicAppointment | null;
  /** The hub's error code of the last look-up ('NO_PHONE': this phone never booked it). */
  problem: string | null;
  reload: () => void;
  /** Show an answer just received (a cancel) without asking again. */
  set: (a: PublicAppointment) => void;
}

/** One appointment, looked up live with the phone number this phone booked it with. */
export function useAppointment(code: string): AppointmentState {
  const [appointment, setAppointment] = useState<PublicAppointment | null>(() => recentAnswer(code));
  const [problem, setProblem] = useState<string | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    const phone = keptPhone(code);
    if (phone === null) {
      setProblem('NO_PHONE');
      return;
    }
    let stale = false;
    void lookup(code, phone).then((r) => {
      if (stale) return;
      if (r.ok) {
        setAppointment(r.data);
        setProblem(null);
      } else setProblem(r.code);
    });
    return () => {
      stale = true;
    };
  }, [code, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { appointment, problem, reload, set: setAppointment };
}
