import type { WindowView } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { sendCommand } from '../send-command.ts';
import { ct } from '../strings/strings.ts';

export type ActionId =
  'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'transfer' | 'special' | 'notice' | 'pause';

export interface Action {
  id: ActionId;
  label: string;
  /** Key caps printed on the button. */
  caps: string[];
  /** KeyboardEvent.code values (layout- and IME-proof). */
  codes: string[];
  enabled: boolean;
  /** Why it is disabled, said when its key is pressed anyway. */
  why: string;
  run: () => void;
  tone: 'call' | 'go' | 'done' | 'warn' | 'plain';
  /** Small text beside the label, e.g. the recall count 1/3. */
  badge?: string;
}

async function callNext(windowId: string): Promise<void> {
  const r = await sendCommand('window:call-next', { windowId });
  const { lang, say } = useCounter.getState();
  if (!r.ok) return;
  if (r.data.ticket === null) say('info', ct(lang, 'msg.noneWaiting'));
  else say('ok', ct(lang, 'msg.called', { number: r.data.ticket.number }));
}

async function recall(windowId: string, number: string): Promise<void> {
  const r = await sendCommand('window:recall', { windowId });
  const { lang, say } = useCounter.getState();
  if (r.ok && r.data.ticket === null) say('info', ct(lang, 'msg.autoNoShow', { number }));
}

async function simple(
  name: 'window:start' | 'window:no-show' | 'window:resume',
  windowId: string,
  done?: string,
): Promise<void> {
  const r = await sendCommand(name, { windowId });
  if (r.ok && done !== undefined) useCounter.getState().say('ok', done);
}

/**
 * The counter's actions for the window's state: the same list drives the buttons and the keys.
 * `live` false (offline, or not the holder) disables all of them.
 */
export function windowActions(
  w: WindowView,
  o: { lang: Lang; live: boolean; busy: boolean; maxRecalls: number },
): Action[] {
  const { lang } = o;
  const t = w.ticket;
  const paused = w.pause !== null;
  const calling = t?.status === 'called';
  const holding = t !== null;
  const can = o.live && !o.busy;
  const app = useCounter.getState();
  const notCalling = ct(lang, 'why.notCalling');
  const noTicket = ct(lang, 'why.noTicket');
  const list: Action[] = [
    {
      id: 'call-next',
      label: ct(lang, 'act.callNext'),
      caps: ['F1', lang === 'zh' ? '空格' : 'Space'],
      codes: ['F1', 'Space'],
      enabled: can && !paused && !holding,
      why: paused ? ct(lang, 'paused.resumeHint') : ct(lang, 'why.holding'),
      run: () => void callNext(w.id),
      tone: 'call',
    },
    {
      id: 'recall',
      label: ct(lang, 'act.recall'),
      caps: ['R'],
      codes: ['KeyR'],
      enabled: can && calling,
      why: notCalling,
      run: () => void recall(w.id, t?.number ?? ''),
      tone: 'plain',
      badge: calling ? ct(lang, 'act.recallCount', { n: t.recalls, max: o.maxRecalls }) : undefined,
    },
    {
      id: 'no-show',
      label: ct(lang, 'act.noShow'),
      caps: ['N'],
      codes: ['KeyN'],
      enabled: can && calling,
      why: notCalling,
      run: () =>
        app.open({
          kind: 'confirm',
          text: ct(lang, 'confirm.noShow', { number: t?.number ?? '' }),
          ok: ct(lang, 'act.noShow'),
          danger: true,
          run: () => void simple('window:no-show', w.id, ct(lang, 'msg.noShow', { number: t?.number ?? '' })),
        }),
      tone: 'warn',
    },
    {
      id: 'start',
      label: ct(lang, 'act.start'),
      caps: ['S'],
      codes: ['KeyS'],
      enabled: can && calling,
      why: notCalling,
      run: () => void simple('window:start', w.id),
      tone: 'go',
    },
    {
      id: 'finish',
      label: ct(lang, 'act.finish'),
      caps: ['F'],
      codes: ['KeyF'],
      enabled: can && holding,
      why: noTicket,
      run: () => app.open({ kind: 'finish' }),
      tone: 'done',
    },
    {
      id: 'transfer',
      label: ct(lang, 'act.transfer'),
      caps: ['T'],
      codes: ['KeyT'],
      enabled: can && holding,
      why: noTicket,
      run: () => app.open({ kind: 'transfer' }),
      tone: 'plain',
    },
    {
      id: 'special',
      label: ct(lang, 'act.special'),
      caps: ['G'],
      codes: ['KeyG'],
      enabled: can && !paused && !holding,
      why: paused ? ct(lang, 'paused.resumeHint') : ct(lang, 'why.holding'),
      run: () => app.open({ kind: 'special' }),
      tone: 'plain',
    },
    {
      id: 'notice',
      label: ct(lang, 'act.notice'),
      caps: ['Y'],
      codes: ['KeyY'],
      enabled: o.live,
      why: '',
      run: () => app.open({ kind: 'notice', tab: 'new' }),
      tone: 'plain',
    },
    paused
      ? {
          id: 'pause',
          label: ct(lang, 'act.resume'),
          caps: ['P'],
          codes: ['KeyP'],
          enabled: can,
          why: '',
          run: () => void simple('window:resume', w.id, ct(lang, 'msg.resumed')),
          tone: 'go',
        }
      : {
          id: 'pause',
          label: ct(lang, 'act.pause'),
          caps: ['P'],
          codes: ['KeyP'],
          enabled: can && !holding,
          why: ct(lang, 'pause.busy'),
          run: () => app.open({ kind: 'pause' }),
          tone: 'warn',
        },
  ];
  return list;
}
