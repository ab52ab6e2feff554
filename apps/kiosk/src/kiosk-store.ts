import { create } from 'zustand';
import type { Catalogue, GreenReason, TakenTicket } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';

/** What the citizen asked for: a matter (maybe with a green-channel reason) or an appointment. */
export interface TakeRequest {
  serviceId?: string;
  green?: GreenReason;
  appointmentCode?: string;
}

export type Screen =
  | { name: 'home' }
  | { name: 'search'; query: string }
  | { name: 'category'; category: string; page: number }
  | { name: 'guide'; serviceId: string }
  | { name: 'green'; serviceId: string; reason: GreenReason | null }
  | { name: 'id-card'; request: TakeRequest }
  | { name: 'appointment'; code: string }
  | { name: 'confirm'; ticket: TakenTicket };

export type PrintState = 'printing' | 'printed' | 'failed';

export interface TakeFailure {
  code: string;
  message: string;
  /** Sent again with the same requestId when the hub's answer never came (idempotent retry). */
  retry: { request: TakeRequest; idCard?: string; requestId?: string } | null;
}

export interface KioskState {
  lang: Lang;
  elderly: boolean;
  /** Screens walked through; the last one is shown, 返回 pops one. */
  stack: Screen[];
  catalogue: Catalogue | null;
  taking: boolean;
  failure: TakeFailure | null;
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
  touch: () => void;
}

const HOME: Screen = { name: 'home' };

export const useKiosk = create<KioskState>()((set) => ({
  lang: 'zh',
  elderly: false,
  stack: [HOME],
  catalogue: null,
  taking: false,
  failure: null,
  print: null,
  lastTouchAt: Date.now(),
  go: (screen) => set((s) => ({ stack: [...s.stack, screen], failure: null })),
  update: (screen) => set((s) => ({ stack: [...s.stack.slice(0, -1), screen] })),
  back: () => set((s) => ({ stack: s.stack.length > 1 ? s.stack.slice(0, -1) : [HOME], failure: null })),
  home: () => set({ stack: [HOME], failure: null }),
  reset: () => set({ stack: [HOME], lang: 'zh', elderly: false, failure: null, print: null, lastTouchAt: Date.now() }),
  setLang: (lang) => set({ lang }),
  toggleElderly: () => set((s) => ({ elderly: !s.elderly })),
  touch: () => set({ lastTouchAt: Date.now() }),
}));

export const currentScreen = (s: KioskState): Screen => s.stack[s.stack.length - 1] ?? HOME;
