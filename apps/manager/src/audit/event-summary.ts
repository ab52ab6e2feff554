import {
  alertKinds,
  matterOutcomeLabels,
  refusalReasonLabels,
  type AlertKind,
  complaintChannelNames,
  type EventEnvelope,
  type EventType,
  type PublicHallConfig,
} from '@yichuang/protocol';
import { greenReasonLabel } from '@yichuang/ui';
import { alertKindLabel } from '../live/live-format.ts';
import { levelLabel, reasonLabel } from '../reports/report-format.ts';
import { alertSubject } from '../shell/alert-words.ts';
import { changeText, sectionWord } from '../shell/change-words.ts';
import {
  anyDeviceLabel,
  deviceStatusWord,
  officerLabel,
  printerLabel,
  printerStatusWord,
  queueLabel,
  serialLabel,
  serviceLabel,
  windowLabel,
} from '../shell/hall-names.ts';
import { clockTime, type Lang } from '../shell/make-strings.ts';

/** Event types by what the audit view groups them under, Chinese and English. */
export const EVENT_LABELS: Record<EventType, [string, string]> = {
  'ticket:issued': ['取号', 'ticket issued'],
  'ticket:called': ['叫号', 'called'],
  'ticket:recalled': ['重呼', 'recalled'],
  'ticket:no-show': ['过号', 'no-show'],
  'ticket:started': ['开始办理', 'service started'],
  'ticket:finished': ['办结', 'finished'],
  'case:opened': ['受理', 'case accepted'],
  'case:updated': ['受理件办理', 'case updated'],
  'refusal:issued': ['不予受理', 'refused'],
  'slip:printed': ['回执/告知书已打印', 'slip printed'],
  'slip:print-failed': ['回执/告知书打印失败', 'slip print failed'],
  'ticket:transferred': ['转办', 'transferred'],
  'ticket:carried-over': ['延时服务顺延', 'carried over'],
  'ticket:expired': ['号票作废', 'expired'],
  'ticket:printed': ['号票已打印', 'ticket printed'],
  'ticket:print-failed': ['号票打印失败', 'ticket print failed'],
  'ticket:print-unknown': ['号票打印结果未知', 'ticket print outcome unknown'],
  'ticket:rated': ['好差评', 'rated'],
  'printer:status-changed': ['打印机状态', 'printer status'],
  'device:status-changed': ['串口设备状态', 'serial device status'],
  'window:signed-in': ['签到上岗', 'signed in'],
  'window:signed-out': ['签退', 'signed out'],
  'window:paused': ['暂停服务', 'paused'],
  'window:resumed': ['恢复服务', 'resumed'],
  'roster:cover-requested': ['AB角接岗提醒', 'cover requested'],
  'window:empty-post-started': ['空岗开始', 'empty post began'],
  'window:empty-post-ended': ['空岗结束', 'empty post ended'],
  'hall:day-started': ['新的一天', 'new day'],
  'appointment:booked': ['预约登记', 'appointment booked'],
  'appointment:cancelled': ['预约取消', 'appointment cancelled'],
  'ticket:arrived': ['线上号到场', 'remote ticket arrived'],
  'ticket:reactivated': ['过号重排', 'no-show back in line'],
  'appointment:rescheduled': ['预约改期', 'appointment rescheduled'],
  'notice:issued': ['开具告知单', 'notice issued'],
  'notice:printed': ['告知单已打印', 'notice printed'],
  'notice:print-failed': ['告知单打印失败', 'notice print failed'],
  'config:changed': ['配置变更', 'config changed'],
  'alert:acknowledged': ['确认告警', 'alert acknowledged'],
  // ── 导办 guide (issue 17) ──
  'ticket:green-granted': ['导办绿色通道', 'green channel granted'],
  'ticket:held': ['暂缓叫号', 'put on hold'],
  'ticket:released': ['恢复叫号', 'released from hold'],
  // --- complaints, follow-ups, duty leader (issue 17) ---
  'complaint:recorded': ['投诉登记', 'complaint recorded'],
  'complaint:assigned': ['投诉交办', 'complaint assigned'],
  'complaint:closed': ['投诉办结', 'complaint closed'],
  'followup:opened': ['差评回访', 'follow-up opened'],
  'followup:closed': ['回访整改办结', 'follow-up closed'],
  'window:help-requested': ['请求帮办', 'help requested'],
  // --- end issue 17 complaints block ---
};

/** Groups for the type filter: a prefix the hub filters by, and its label. */
export const EVENT_GROUPS: { prefix: string; zh: string; en: string }[] = [
  { prefix: 'ticket:', zh: '号票', en: 'Tickets' },
  { prefix: 'window:', zh: '窗口', en: 'Windows' },
  { prefix: 'roster:', zh: 'AB角', en: 'A/B roles' },
  { prefix: 'notice:', zh: '告知单', en: 'Notices' },
  { prefix: 'config:', zh: '配置', en: 'Configuration' },
  { prefix: 'alert:', zh: '告警', en: 'Alerts' },
  { prefix: 'printer:', zh: '打印机', en: 'Printers' },
  { prefix: 'device:', zh: '设备', en: 'Devices' },
  { prefix: 'hall:', zh: '大厅', en: 'Hall' },
  { prefix: 'appointment:', zh: '预约', en: 'Appointments' },
  { prefix: 'case:', zh: '受理件', en: 'Cases' },
  { prefix: 'refusal:', zh: '不予受理', en: 'Refusals' },
  { prefix: 'slip:', zh: '回执与告知书', en: 'Receipts and notices' },
  { prefix: 'complaint:', zh: '投诉', en: 'Complaints' },
  { prefix: 'followup:', zh: '差评回访', en: 'Follow-ups' },
];

export function eventLabel(lang: Lang, type: EventType): string {
  const l = EVENT_LABELS[type];
  return lang === 'zh' ? l[0] : l[1];
}

/**
 * `officer:1001` → 张警官（警号 1001）; `device:kiosk-1` → 1号取号机 (a rater screen by its window);
 * `citizen:…` → 群众本人; `system` → 系统.
 */
export function actorName(lang: Lang, actor: string, config: PublicHallConfig | null): string {
  if (actor === 'system') return lang === 'zh' ? '系统' : 'system';
  const cut = actor.indexOf(':');
  const [kind, id] = cut < 0 ? [actor, ''] : [actor.slice(0, cut), actor.slice(cut + 1)];
  if (kind === 'officer') return officerLabel(lang, config, id);
  // The citizen's own rating from their ticket page: `citizen:<ticket id>`.
  if (kind === 'citizen') return lang === 'zh' ? '群众本人' : 'the citizen';
  return anyDeviceLabel(lang, config, id);
}

const isAlertKind = (k: string): k is AlertKind => (alertKinds as readonly string[]).includes(k);

/** What a ticket or notice id stands for in words: its number, when the page has seen it. */
export type TicketNumbers = ReadonlyMap<string, string>;

const PAUSE: Record<string, [string, string]> = {
  away: ['离岗', 'away'],
  meeting: ['会议', 'meeting'],
  meal: ['用餐', 'meal'],
  other: ['其他', 'other'],
  'signed-out': ['签退', 'signed out'],
};

/**
 * One line saying what happened, from the payload alone (plus names from the config): the audit view's
 * "details" column. Citizens' names never appear: a notice shows its number and matter only.
 */
export function eventSummary(
  lang: Lang,
  e: EventEnvelope,
  config: PublicHallConfig | null,
  numbers: TicketNumbers,
): string {
  const zh = lang === 'zh';
  const win = (id: string | null | undefined): string => (id == null ? '' : windowLabel(lang, config, id));
  // The officer by name in a line about their own window; with 警号 where someone else acted.
  const officer = (id: string): string =>
    config?.officers.find((o) => o.id === id)?.name ?? officerLabel(lang, config, id);
  const ticket = (id: string): string => numbers.get(id) ?? (zh ? `号票（编号 ${id}）` : `ticket ${id}`);
  const notice = (id: string): string => numbers.get(id) ?? (zh ? `告知单（编号 ${id}）` : `notice ${id}`);
  const service = (id: string): string => serviceLabel(lang, config, id);
  const queue = (id: string): string => queueLabel(lang, config, id);
  const printer = (id: string): string => printerLabel(lang, config, id);
  const printerStatus = (status: string): string => printerStatusWord(lang, status);
  const tz = config?.hall.timezone ?? 'Asia/Shanghai';
  const reason = (r: string): string => (PAUSE[r] ?? [r, r])[zh ? 0 : 1];
  const colon = zh ? '：' : ': ';
  switch (e.type) {
    case 'ticket:issued': {
      const t = e.payload.ticket;
      // 导办: by whom, and the person's masked name (张*) as the log holds it; never a phone.
      const guided =
        t.issuedBy == null
          ? ''
          : ` · ${zh ? '导办代取' : 'issued by guide'} ${officer(t.issuedBy)}${t.person != null && t.person.name !== '' ? ` · ${t.person.name}` : ''}`;
      return `${t.number} ${service(t.serviceId)}${t.green !== null ? (zh ? '（绿色通道）' : ' (green channel)') : ''}${guided}`;
    }
    case 'ticket:called':
      return `${ticket(e.payload.ticketId)} → ${win(e.payload.windowId)}${e.payload.mode === 'named' ? (zh ? '（特呼）' : ' (named)') : ''}`;
    case 'ticket:recalled':
      return `${ticket(e.payload.ticketId)} ${zh ? `第 ${e.payload.recalls} 次重呼` : `recall ${e.payload.recalls}`}`;
    case 'ticket:no-show':
      return `${ticket(e.payload.ticketId)} ${win(e.payload.windowId)}${e.payload.auto ? (zh ? '（重呼超限）' : ' (recall limit)') : ''}`;
    case 'ticket:started':
      return `${ticket(e.payload.ticketId)} ${win(e.payload.windowId)}`;
    case 'ticket:finished': {
      const ms = e.payload.matters
        .map((m) => `${service(m.serviceId)} ${matterOutcomeLabels[m.outcome][zh ? 'zh' : 'en']}`)
        .join(zh ? '、' : ', ');
      return `${ticket(e.payload.ticketId)} ${win(e.payload.windowId)} ${zh ? `用时 ${Math.round(e.payload.serviceS / 60)} 分` : `${Math.round(e.payload.serviceS / 60)} min`}${ms === '' ? '' : ` · ${ms}`}`;
    }
    case 'case:opened': {
      const c = e.payload.case;
      return `${c.no} ${service(c.serviceId)} ${win(c.windowId)} ${matterOutcomeLabels[c.kind][zh ? 'zh' : 'en']} · ${zh ? `限 ${c.dueDay} 前办结` : `due ${c.dueDay}`}`;
    }
    case 'case:updated':
      return `${notice(e.payload.caseId)} ${e.payload.status === 'done' ? (zh ? '办结' : 'done') : zh ? '材料已补齐' : 'materials received'}${e.payload.note !== '' ? ` · ${e.payload.note}` : ''}`;
    case 'refusal:issued': {
      const r = e.payload.refusal;
      return `${r.no} ${service(r.serviceId)} ${win(r.windowId)} · ${refusalReasonLabels[r.reason][zh ? 'zh' : 'en']}`;
    }
    case 'slip:printed':
      return `${notice(e.payload.slipId)} · ${printer(e.payload.printerId)}${e.payload.reprint ? (zh ? '（补打）' : ' (reprint)') : ''}`;
    case 'slip:print-failed':
      return `${notice(e.payload.slipId)}${colon}${printerStatus(e.payload.status)}`;
    case 'ticket:transferred':
      return `${ticket(e.payload.ticketId)} ${queue(e.payload.fromQueueId)} → ${e.payload.toWindowId !== null ? win(e.payload.toWindowId) : queue(e.payload.toQueueId)}${e.payload.note !== '' ? ` · ${e.payload.note}` : ''}`;
    case 'ticket:carried-over':
      return `${ticket(e.payload.ticketId)} → ${e.payload.toDay} ${win(e.payload.toWindowId)}`;
    case 'ticket:expired':
      return ticket(e.payload.ticketId);
    case 'ticket:printed':
      return `${ticket(e.payload.ticketId)} · ${printer(e.payload.printerId)}`;
    case 'ticket:print-failed':
      return `${ticket(e.payload.ticketId)} · ${printer(e.payload.printerId)}${colon}${printerStatus(e.payload.status)}`;
    case 'ticket:print-unknown':
      return `${ticket(e.payload.ticketId)} · ${printer(e.payload.printerId)}${zh ? '（打印中断，请核实是否出票）' : ' (printing was cut off: check the slip)'}`;
    case 'ticket:rated': {
      const r = e.payload.rating;
      return `${r.ticketNumber} ${win(r.windowId)} ${officerLabel(lang, config, r.officerId)} · ${levelLabel(lang, r.level)}${r.reason !== null ? ` · ${reasonLabel(lang, r.reason)}` : ''}`;
    }
    case 'printer:status-changed':
      return `${printer(e.payload.printerId)}${colon}${printerStatus(e.payload.previous)} → ${printerStatus(e.payload.status)}`;
    case 'device:status-changed':
      return `${serialLabel(lang, config, e.payload.deviceId)}${colon}${deviceStatusWord(lang, e.payload.status)}`;
    case 'window:signed-in':
      return `${officer(e.payload.officerId)} ${win(e.payload.windowId)} ${e.payload.leader ? (zh ? '带班领导帮办' : 'duty leader') : `${e.payload.role}${zh ? '角' : ''}`}${
        e.payload.earlyMinutes === null
          ? ''
          : zh
            ? e.payload.earlyMinutes >= 0
              ? ` 提前 ${e.payload.earlyMinutes} 分钟`
              : ` 迟到 ${-e.payload.earlyMinutes} 分钟`
            : ` ${e.payload.earlyMinutes} min before opening`
      }`;
    case 'window:signed-out':
      return `${officer(e.payload.officerId)} ${win(e.payload.windowId)}${e.payload.handover ? (zh ? '（交接）' : ' (handover)') : ''}`;
    case 'window:paused':
      return `${win(e.payload.windowId)} ${reason(e.payload.reason)}${e.payload.note !== '' ? ` · ${e.payload.note}` : ''}`;
    case 'window:resumed':
      return `${win(e.payload.windowId)} ${zh ? `暂停 ${Math.round(e.payload.pausedS / 60)} 分` : `paused ${Math.round(e.payload.pausedS / 60)} min`}`;
    case 'roster:cover-requested':
      return `${win(e.payload.windowId)} ${officer(e.payload.fromOfficerId)} → ${officer(e.payload.toOfficerId)}${zh ? '（' : ' ('}${reason(e.payload.reason)}${zh ? '）' : ')'}`;
    case 'window:empty-post-started':
      return win(e.payload.windowId);
    case 'window:empty-post-ended':
      return `${win(e.payload.windowId)} ${zh ? `空岗 ${Math.round(e.payload.durationS / 60)} 分` : `${Math.round(e.payload.durationS / 60)} min`}`;
    case 'hall:day-started':
      return e.payload.day;
    case 'appointment:booked':
      return `${e.payload.appointment.code} ${service(e.payload.appointment.serviceId)} ${e.payload.appointment.day} ${clockTime(e.payload.appointment.slotStart, tz)}–${clockTime(e.payload.appointment.slotEnd, tz)}`;
    case 'appointment:cancelled':
      return e.payload.code;
    case 'ticket:arrived':
      return ticket(e.payload.ticketId);
    // ── 导办 guide (issue 17) ──
    case 'ticket:green-granted':
      return `${ticket(e.payload.ticketId)} ${greenReasonLabel(lang, e.payload.reason)} · ${officer(e.payload.officerId)}`;
    case 'ticket:held':
      return `${ticket(e.payload.ticketId)} · ${officer(e.payload.officerId)}${e.payload.note !== '' ? ` · ${e.payload.note}` : ''}`;
    case 'ticket:released':
      return `${ticket(e.payload.ticketId)} · ${officer(e.payload.officerId)}`;
    case 'ticket:reactivated':
      return `${ticket(e.payload.ticketId)} ${e.payload.place === 'end' ? (zh ? '排到队尾' : 'to the end of the line') : zh ? '回到原位' : 'back to its place'}`;
    case 'appointment:rescheduled':
      return `${e.payload.code} → ${e.payload.day} ${clockTime(e.payload.slotStart, tz)}–${clockTime(e.payload.slotEnd, tz)}`;
    case 'notice:issued':
      return `${e.payload.notice.no} ${service(e.payload.notice.serviceId)} ${win(e.payload.notice.windowId)}${e.payload.notice.ticketNumber !== null ? ` · ${e.payload.notice.ticketNumber}` : ''}`;
    case 'notice:printed':
      return `${notice(e.payload.noticeId)} · ${printer(e.payload.printerId)}${e.payload.reprint ? (zh ? '（补打）' : ' (reprint)') : ''}`;
    case 'notice:print-failed':
      return `${notice(e.payload.noticeId)}${colon}${printerStatus(e.payload.status)}`;
    case 'config:changed': {
      const changes =
        e.payload.changes.length > 0
          ? e.payload.changes.map((c) => changeText(lang, c, config))
          : e.payload.sections.map((k) => `${zh ? '修改 ' : 'Changed: '}${sectionWord(lang, k)}`);
      return `${zh ? `版本 ${e.payload.version}：` : `version ${e.payload.version}: `}${changes.join(zh ? '；' : '; ')}`;
    }
    case 'alert:acknowledged':
      return `${isAlertKind(e.payload.kind) ? alertKindLabel(lang, e.payload.kind) : e.payload.kind} · ${alertSubject(lang, e.payload.kind, e.payload.subject, config)}`;
    // --- complaints, follow-ups, duty leader (issue 17): the person who complained is never named here ---
    case 'complaint:recorded': {
      const c = e.payload.complaint;
      const about = [
        win(c.windowId),
        c.officerId === null ? '' : officerLabel(lang, config, c.officerId),
        c.ticketNumber ?? '',
      ].filter((x) => x !== '');
      return `${complaintChannelNames[c.channel][zh ? 'zh' : 'en']}${about.length > 0 ? ` · ${about.join(' ')}` : ''}`;
    }
    case 'complaint:assigned':
      return `${zh ? '交办' : 'to'} ${officerLabel(lang, config, e.payload.officerId)}`;
    case 'complaint:closed':
      return `${zh ? '处理结果' : 'result'}${colon}${short(e.payload.result)}`;
    case 'followup:opened': {
      const f = e.payload.followUp;
      return `${f.ticketNumber} ${win(f.windowId)} ${officerLabel(lang, config, f.officerId)} · ${levelLabel(lang, f.level)}`;
    }
    case 'followup:closed':
      return `${zh ? '整改措施' : 'action'}${colon}${short(e.payload.action)}`;
    case 'window:help-requested':
      return `${win(e.payload.windowId)} ${officer(e.payload.officerId)}${e.payload.ticketId !== null ? ` · ${ticket(e.payload.ticketId)}` : ''}${e.payload.note !== '' ? ` · ${short(e.payload.note)}` : ''}`;
    // --- end issue 17 complaints block ---
  }
}

/** Staff-written free text cut to one line of the audit table. */
function short(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= 40 ? chars.join('') : `${chars.slice(0, 40).join('')}…`;
}
