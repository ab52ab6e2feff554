import {
  deviceLabel,
  officerLabel,
  printerLabel,
  queueLabel,
  serialLabel,
  serviceLabel,
  windowLabel,
  type NamedConfig,
} from './hall-names.ts';
import type { Lang } from './make-strings.ts';

/**
 * A config change as the hub words it (`config:changed` in the log, the answer to a save) put in the
 * manager's words. The hub writes "新增事项 居住证办理 (residence)", "修改终端 kiosk-1", "更换密钥 kiosk-1",
 * "修改 kiosk": ids and config keys. Here they become "新增事项 居住证办理", "修改终端 1号取号机",
 * "修改 取号机设置"; old log lines read the same way. A line of another shape is shown as it is.
 */

const SECTION: Record<string, [string, string]> = {
  hall: ['大厅与时间', 'hall and hours'],
  queues: ['队列', 'queues'],
  services: ['业务事项', 'matters'],
  windows: ['窗口', 'windows'],
  officers: ['人员', 'staff'],
  roster: ['排班（AB角）', 'roster (A/B roles)'],
  devices: ['终端设备', 'devices'],
  serialDevices: ['串口设备', 'serial devices'],
  printers: ['打印机', 'printers'],
  callRules: ['叫号规则', 'call rules'],
  kiosk: ['取号机设置', 'kiosk settings'],
  display: ['综合屏设置', 'hall display settings'],
};

/** A config section (a top-level key) in words: kiosk → 取号机设置. */
export function sectionWord(lang: Lang, key: string): string {
  const s = SECTION[key];
  return s === undefined ? key : s[lang === 'zh' ? 0 : 1];
}

const VERB: Record<string, string> = { 新增: 'added', 删除: 'removed', 修改: 'changed' };
const KIND: Record<string, string> = {
  队列: 'Queue',
  事项: 'Matter',
  窗口: 'Window',
  打印机: 'Printer',
  串口设备: 'Serial device',
  人员: 'Staff member',
  终端: 'Device',
};

type Named = (lang: Lang, config: NamedConfig | null, id: string) => string;
const LOOKUP: Record<string, { has: (c: NamedConfig, id: string) => boolean; name: Named }> = {
  队列: { has: (c, id) => c.queues.some((x) => x.id === id), name: queueLabel },
  事项: { has: (c, id) => c.services.some((x) => x.id === id), name: serviceLabel },
  窗口: { has: (c, id) => c.windows.some((x) => x.id === id), name: windowLabel },
  打印机: { has: (c, id) => c.printers.some((x) => x.id === id), name: printerLabel },
  串口设备: { has: (c, id) => c.serialDevices.some((x) => x.id === id), name: serialLabel },
  人员: { has: (c, id) => c.officers.some((x) => x.id === id), name: officerLabel },
  终端: { has: (c, id) => c.devices.some((x) => x.id === id), name: deviceLabel },
};

/** "居住证办理 (residence)" → name and id; "kiosk-1" → the id alone. */
function split(rest: string): { name: string | null; id: string } {
  const m = /^(.*) \(([^()]+)\)$/.exec(rest);
  return m === null ? { name: null, id: rest } : { name: m[1]!, id: m[2]! };
}

function thing(lang: Lang, config: NamedConfig | null, kind: string, rest: string): string {
  const { name, id } = split(rest);
  if (kind === '人员') {
    if (name === null) return officerLabel(lang, config, id);
    return lang === 'zh' ? `${name}（警号 ${id}）` : `${name} (no. ${id})`;
  }
  if (name !== null) return name;
  const look = LOOKUP[kind];
  if (look !== undefined && config !== null && look.has(config, id)) return look.name(lang, config, id);
  return lang === 'zh' ? `（编号 ${id}）` : `(id ${id})`;
}

export function changeText(lang: Lang, line: string, config: NamedConfig | null): string {
  const zh = lang === 'zh';
  const listed = /^(新增|删除|修改)(队列|事项|窗口|打印机|串口设备|人员|终端) (.+)$/.exec(line);
  if (listed !== null) {
    const [, verb, kind, rest] = listed as unknown as [string, string, string, string];
    const what = thing(lang, config, kind, rest);
    if (zh) return what.startsWith('（') ? `${verb}${kind}${what}` : `${verb}${kind} ${what}`;
    return `${KIND[kind]} ${VERB[verb]}: ${what}`;
  }
  const pin = /^重置密码 (.+)$/.exec(line);
  if (pin !== null) return `${zh ? '重置密码' : 'PIN reset:'} ${thing(lang, config, '人员', pin[1]!)}`;
  const key = /^更换密钥 (.+)$/.exec(line);
  if (key !== null) return `${zh ? '更换密钥' : 'Key replaced:'} ${thing(lang, config, '终端', key[1]!)}`;
  const section = /^修改 ([A-Za-z]+)$/.exec(line);
  if (section !== null) return `${zh ? '修改' : 'Changed:'} ${sectionWord(lang, section[1]!)}`;
  return line;
}
