/**
 * Every word the shell itself shows: the first-run setup page, the offline page, config errors.
 * Chinese first; the English line sits under it in smaller type.
 */
import type { Role } from './roles.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export const ROLE_NAMES: Record<Role, Bilingual> = {
  kiosk: { zh: '自助取号机', en: 'Ticket kiosk' },
  counter: { zh: '窗口终端', en: 'Counter (officer window)' },
  display: { zh: '大厅综合屏', en: 'Hall display' },
  manager: { zh: '大厅负责人工作台', en: 'Hall manager console' },
  guide: { zh: '导办平板', en: 'Guide tablet (entrance)' },
};

export const ROLE_HINTS: Record<Role, Bilingual> = {
  kiosk: { zh: '触摸屏全屏锁定，需要设备密钥', en: 'Locked full screen, needs a device key' },
  counter: { zh: '普通窗口，民警用工号和密码登录', en: 'Normal window, officers sign in with a PIN' },
  display: { zh: '全屏锁定，隐藏鼠标，需要设备密钥', en: 'Locked full screen, no cursor, needs a device key' },
  manager: { zh: '普通窗口，负责人登录后使用', en: 'Normal window, the manager signs in' },
  guide: { zh: '普通窗口，导办人员用工号和密码登录', en: 'Normal window, the guide signs in with a PIN' },
};

export const CONFIG_ERRORS = {
  notJson: { zh: '配置文件不是有效的 JSON 格式', en: 'the config file is not valid JSON' },
  notObject: { zh: '配置内容应为一个 JSON 对象', en: 'the config must be a JSON object' },
  versionTooNew: {
    zh: '配置文件来自更新版本的程序，请升级本程序',
    en: 'the config file was written by a newer version of this app: please upgrade',
  },
  role: {
    zh: '请选择本机用途：自助取号机、窗口终端、大厅综合屏、大厅负责人工作台或导办平板',
    en: 'role must be one of kiosk, counter, display, manager, guide',
  },
  hubUrlMissing: { zh: '请填写中心服务地址', en: 'the hub URL is missing' },
  hubUrl: {
    zh: '中心服务地址无效，应类似 http://192.168.1.10:8080',
    en: 'the hub URL is not valid: use http(s)://host:port, for example http://192.168.1.10:8080',
  },
  hubUrlPath: {
    zh: '中心服务地址只需填写到端口号，不要带路径、参数或用户名',
    en: 'the hub URL must be just scheme, host and port: no path, query or user name',
  },
  deviceKeyMissing: {
    zh: '自助取号机和大厅综合屏需要设备密钥（向系统管理员索取）',
    en: 'a kiosk or a display needs its device key (ask the hall administrator)',
  },
  deviceKey: {
    zh: '设备密钥应为 8 到 200 个字符，且不含空格',
    en: 'the device key must be 8 to 200 characters without spaces',
  },
  startAtLogin: { zh: '“开机自动启动”只能是是或否', en: 'startAtLogin must be true or false' },
  unknownField: { zh: '配置中有无法识别的项目：{names}', en: 'unknown setting(s): {names}' },
  invalid: { zh: '配置无效', en: 'the config is not valid' },
} satisfies Record<string, Bilingual>;

export const OFFLINE_TEXT = {
  title: { zh: '系统正在连接，请稍候', en: 'Connecting to the service, please wait' },
  body: {
    zh: '暂时无法连接到大厅服务，系统会自动重试，恢复后本页面会自动返回。',
    en: 'The hall service cannot be reached right now. This screen retries by itself and returns when it is back.',
  },
  help: {
    zh: '如需办理业务，请联系导办人员或前往咨询台',
    en: 'If you need help, please ask a hall guide or go to the information desk',
  },
  countdown: { zh: '{s} 秒后自动重试', en: 'Retrying in {s} s' },
  retrying: { zh: '正在重新连接…', en: 'Reconnecting…' },
  attempt: { zh: '第 {n} 次重试', en: 'attempt {n}' },
} satisfies Record<string, Bilingual>;

export const SETUP_TEXT = {
  title: { zh: '一窗 · 首次设置', en: 'Yichuang · First-run setup' },
  intro: {
    zh: '请选择本机在大厅中的用途，并填写中心服务地址。设置保存在本机，之后开机即可直接使用。',
    en: 'Choose what this machine does in the hall and where the hub is. The setting is saved on this machine.',
  },
  role: { zh: '本机用途', en: 'Role of this machine' },
  hubUrl: { zh: '中心服务地址', en: 'Hub URL' },
  hubUrlPlaceholder: { zh: '例如 http://192.168.1.10:8080', en: 'for example http://192.168.1.10:8080' },
  deviceKey: { zh: '设备密钥', en: 'Device key' },
  deviceKeyHint: {
    zh: '取号机和综合屏需要，向系统管理员索取',
    en: 'Kiosks and displays need one: ask the administrator',
  },
  startAtLogin: { zh: '开机自动启动', en: 'Start when the computer starts' },
  probe: { zh: '测试连接', en: 'Test connection' },
  probeOk: { zh: '连接成功', en: 'Hub reachable' },
  probeFail: { zh: '无法连接到该地址', en: 'Cannot reach that address' },
  save: { zh: '保存并启动', en: 'Save and start' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  previousError: { zh: '现有配置无法使用：', en: 'The existing config cannot be used:' },
  configPath: { zh: '配置文件位置', en: 'Config file' },
} satisfies Record<string, Bilingual>;

/** Replaces `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
