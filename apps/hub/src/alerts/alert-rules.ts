import type { AlertKind, DevicePresence, SerialDeviceView } from '@yichuang/protocol';
import { hallPhase, hoursOn, windowView, type HallState } from '@yichuang/engine';

/** A condition the manager must know about, as it stands now. */
export interface AlertCondition {
  kind: AlertKind;
  severity: 'critical' | 'warning';
  subject: string;
  windowId: string | null;
  message: string;
  /** When it began, when that is known (an empty post's start); else the moment it was first seen. */
  since: number | null;
}

export interface AlertInput {
  state: HallState;
  now: number;
  printers: ReadonlyMap<string, string>;
  serialDevices: readonly SerialDeviceView[];
  devices: readonly DevicePresence[];
  /** A screen off the hub this long during hours is an alert (a blip while it reconnects is not). */
  deviceGraceMs: number;
  /** When the hub started: devices get the grace period to connect after a restart too. */
  startedAt: number;
}

const PRINTER_TEXT: Record<string, [string, string, 'critical' | 'warning']> = {
  'paper-low': ['纸将用尽', 'paper low', 'warning'],
  'paper-out': ['缺纸', 'out of paper', 'critical'],
  'cover-open': ['纸仓盖打开', 'cover open', 'critical'],
  offline: ['离线', 'offline', 'critical'],
};

const mins = (ms: number): number => Math.floor(ms / 60_000);

/**
 * Every alert condition of the hall now. Pure: the tracker turns the difference between two calls
 * into raised and cleared alerts.
 */
export function alertConditions(input: AlertInput): AlertCondition[] {
  const { state, now } = input;
  const { config } = state.model;
  const phase = hallPhase(config.hall, now);
  const inHours = phase === 'open' || phase === 'extended';
  const out: AlertCondition[] = [];

  for (const w of config.windows) {
    const view = windowView(state, w.id);
    if (view.emptyPost)
      out.push({
        kind: 'empty-post',
        severity: 'critical',
        subject: w.id,
        windowId: w.id,
        message: `${w.name} 无人在岗（AB角缺位） / ${w.name}: empty post during opening hours`,
        since: view.emptySince,
      });
  }

  // 提前10分钟上岗: ten minutes before opening, every open window should have someone signed in.
  const today = hoursOn(config.hall, state.day);
  if (phase === 'before-open' && today !== null && now >= today.open - 10 * 60_000)
    for (const w of config.windows) {
      if (!w.open || state.windows.get(w.id)?.holder != null) continue;
      const a = config.roster.find((r) => r.window === w.id)?.a;
      const who = a === undefined ? '' : `（A角 ${state.model.officers.get(a)?.name ?? a}）`;
      out.push({
        kind: 'not-signed-in',
        severity: 'warning',
        subject: w.id,
        windowId: w.id,
        message: `${w.name} 开门前10分钟仍无人签到${who} / ${w.name}: nobody signed in 10 minutes before opening`,
        since: null,
      });
    }

  // 请求帮办 (issue 17): until a manager signs in at the window or acknowledges it.
  for (const help of state.helpRequests.values()) {
    const w = state.model.windows.get(help.windowId);
    if (w === undefined) continue;
    const who = state.model.officers.get(help.officerId)?.name ?? help.officerId;
    const number = help.ticketId === null ? null : (state.tickets.get(help.ticketId)?.number ?? null);
    const note = help.note === '' ? '' : `：${help.note}`;
    out.push({
      kind: 'help-requested',
      severity: 'critical',
      subject: help.windowId,
      windowId: help.windowId,
      message: `${w.name} ${who} 请求带班领导帮办${number === null ? '' : `（${number}）`}${note} / ${w.name}: the officer asks the duty leader for help${number === null ? '' : ` (${number})`}`,
      since: help.at,
    });
  }

  const limitMs = config.callRules.maxWaitMinutes * 60_000;
  const oldest = new Map<string, { number: string; issuedAt: number; count: number }>();
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting' || t.day !== state.day || now - t.issuedAt < limitMs) continue;
    const o = oldest.get(t.queueId);
    if (o === undefined) oldest.set(t.queueId, { number: t.number, issuedAt: t.issuedAt, count: 1 });
    else {
      o.count++;
      if (t.issuedAt < o.issuedAt) Object.assign(o, { number: t.number, issuedAt: t.issuedAt });
    }
  }
  for (const [queueId, o] of oldest) {
    const q = config.queues.find((x) => x.id === queueId);
    out.push({
      kind: 'long-wait',
      severity: 'warning',
      subject: queueId,
      windowId: null,
      message: `${q?.name ?? queueId} ${o.count} 人等候超过 ${config.callRules.maxWaitMinutes} 分钟，最久 ${o.number} 已等 ${mins(now - o.issuedAt)} 分钟 / ${queueId}: ${o.count} waiting over ${config.callRules.maxWaitMinutes} min`,
      since: o.issuedAt + limitMs,
    });
  }

  for (const p of config.printers) {
    const text = PRINTER_TEXT[input.printers.get(p.id) ?? 'ok'];
    if (text === undefined) continue;
    const [zh, en, severity] = text;
    out.push({
      kind: 'printer-fault',
      severity,
      subject: `${p.id}:${input.printers.get(p.id)}`,
      windowId: config.windows.find((w) => w.printer === p.id)?.id ?? null,
      message: `打印机 ${p.id} ${zh} / printer ${p.id}: ${en}`,
      since: null,
    });
  }

  for (const d of input.serialDevices)
    if (d.status !== 'connected')
      out.push({
        kind: 'device-offline',
        severity: 'warning',
        subject: d.id,
        windowId: d.windowId,
        message: `串口设备 ${d.id}（${d.kind}）未连接 / serial device ${d.id} is not connected`,
        since: null,
      });

  if (inHours && now - input.startedAt >= input.deviceGraceMs)
    for (const d of input.devices) {
      const since = d.since ?? input.startedAt;
      if (d.connected || now - since < input.deviceGraceMs) continue;
      const what = d.kind === 'kiosk' ? '取号机' : d.kind === 'display' ? '综合屏' : '评价屏';
      out.push({
        kind: 'device-offline',
        severity: d.kind === 'rater' ? 'warning' : 'critical',
        subject: d.id,
        windowId: d.window,
        message: `${what} ${d.id} 已离线 ${mins(now - since)} 分钟 / ${d.kind} ${d.id} offline`,
        since,
      });
    }
  return out;
}
