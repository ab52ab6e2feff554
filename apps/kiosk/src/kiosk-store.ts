import { create } from 'zustand';
import type { Catalogue, GreenReason, TakenTicket, TicketView } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';

/** What the citizen asked for: a matter (maybe with a green-channel reason) or an appointment. */
export interface TakeRequest {
  serviceId?: string;
  green?: GreenReason;
  appointmentCode?: string;
  /** Check in today's appointment booked with this mobile number. */
  appointmentPhone?: string;
}

/** How an appointment is found at the kiosk: its code, or the phone or ID card it was booked with. */
export type CheckInBy = 'code' | 'phone' | 'id';

export type Screen =
  | { name: 'home' }
  /** The home screen's matters again, for a citizen in the green channel. */
  | { name: 'choose' }
  | { name: 'search'; query: string }
  | { name: 'category'; category: string; page: number }
  | { name: 'guide'; serviceId: string }
  /** serviceId null: opened from the home screen, the matter is chosen after the reason. */
  | { name: 'green'; serviceId: string | null; reason: GreenReason | null }
  | { name: 'id-card'; request: TakeRequest }
  | { name: 'appointment'; code: string; by?: CheckInBy }
  | { name: 'confirm'; ticket: TakenTicket };

export type PrintState = 'printing' | 'printed' | 'failed';

export interface TakeFailure {
  code: string;
  message: string;
  /** The request field the refusal is about (an appointment found by phone or ID card, not by code). */
  field?: string;
  /** Sent again with the same requestId when the hub's answer never came (idempotent retry). */
  retry: { request: TakeRequest; idCard?: string; requestId?: string } | null;
}

export interface KioskState {
  lang: Lang;
  elderly: boolean;
  /**
   * 绿色通道 chosen from the home screen: the reason, carried through choosing a matter so that its
   * 取号 takes a priority ticket. Cleared at 首页, after a ticket, and for the next citizen.
   */
  green: GreenReason | null;
  /** Screens walked through; the last one is shown, 返回 pops one. */
  stack: Screen[];
  catalogue: Catalogue | null;
  taking: boolean;
  failure: TakeFailure | null;
  /** A remote ticket (线上取号) just confirmed here by its phone: shown until 好的 or the next citizen. */
  arrival: TicketView | null;
  print: { ticketId: string; state: PrintState } | null;
  lastTouchAt: number;
  go: (screen: Screen) => void;
  /** Changes the current screen in place (typing, paging, choosing). */
  update: (screen: Screen) => void;
  back: () => void;
  /** 首页: back to the start, keeping this citizen's language and type size. */
  home: () => void;
  /** Home for the next citizen: Chinese, normal type size, nothing half-done. */
  reset: () => void;
  setLang: (lang: Lang) => void;
  toggleElderly: () => void;
  /** Enter the green channel with a reason and go on to choose the matter. */
  startGreen: (reason: GreenReason) => void;
  leaveGreen: () => void;
  touch: () => void;
}

const HOME: Screen = { name: 'home' };

export const useKiosk = create<KioskState>()((set) => ({
  lang: 'zh',
  elderly: false,
  green: null,
  stack: [HOME],
  catalogue: null,
  taking: false,
  failure: null,
  arrival: null,
  print: null,
  lastTouchAt: Date.now(),
  go: (screen) => set((s) => ({ stack: [...s.stack, screen], failure: null })),
  update: (screen) => set((s) => ({ stack: [...s.stack.slice(0, -1), screen] })),
  back: () =>
    set((s) => {
      const stack = s.stack.length > 1 ? s.stack.slice(0, -1) : [HOME];
      // Back past the screen where the reason was chosen leaves the green channel.
      const green = stack.some((x) => x.name === 'green' && x.serviceId === null) ? s.green : null;
      return { stack, failure: null, green };
    }),
  home: () => set({ stack: [HOME], failure: null, green: null, arrival: null }),
  reset: () =>
    set({
      stack: [HOME],
      lang: 'zh',
      elderly: false,
      green: null,
      failure: null,
      print: null,
      lastTouchAt: Date.now(),
    }),
  setLang: (lang) => set({ lang }),
  toggleElderly: () => set((s) => ({ elderly: !s.elderly })),
  startGreen: (reason) => set((s) => ({ green: reason, stack: [...s.stack, { name: 'choose' }], failure: null })),
  leaveGreen: () => set({ green: null, stack: [HOME], failure: null }),
  touch: () => set({ lastTouchAt: Date.now() }),
}));

export const currentScreen = (s: KioskState): Screen => s.stack[s.stack.length - 1] ?? HOME;
