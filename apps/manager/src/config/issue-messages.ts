import type { Lang } from '../shell/make-strings.ts';

/**
 * The schema speaks English (its messages are also the hub's log lines). The common ones are put into
 * Chinese here; anything not recognised is shown as it is rather than guessed at.
 */
const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unknown queue "(.*)"$/, (m) => `队列「${m[1]}」不存在`],
  [/^unknown window "(.*)"$/, (m) => `窗口「${m[1]}」不存在`],
  [/^unknown officer "(.*)"$/, (m) => `人员「${m[1]}」不存在`],
  [/^unknown printer "(.*)"$/, (m) => `打印机「${m[1]}」不存在`],
  [/^duplicate id "(.*)"$/, (m) => `编号「${m[1]}」重复`],
  [/^duplicate prefix "(.*)"$/, (m) => `号码前缀「${m[1]}」重复`],
  [/^duplicate window number (\d+)$/, (m) => `窗口号 ${m[1]} 重复`],
  [/^duplicate device key$/, () => '设备密钥重复，每台设备的密钥必须不同'],
  [/^no window serves queue "(.*)"$/, (m) => `没有窗口办理队列「${m[1]}」`],
  [/^window "(.*)" is rostered twice$/, (m) => `窗口「${m[1]}」排了两次班`],
  [/^A and B must be different officers$/, () => 'A 角和 B 角不能是同一人'],
  [/^a rater must name an existing window$/, () => '评价器必须绑定一个存在的窗口'],
  [/^two devices on one path and address$/, () => '同一串口的同一地址上有两台设备'],
  [/^an officer needs pin or pinHash$/, () => '新人员需要设置初始密码'],
  [/^PIN is 4 to 8 digits$/, () => '密码为 4 到 8 位数字'],
  [/^PIN too easy to guess/, () => '密码过于简单（同一数字、顺序或倒序、重复两位），请换一个'],
  [
    /^file printers must write under the data directory (.*), not (.*)$/,
    (m) => `文件打印机只能写入数据目录 ${m[1]}（不能写到 ${m[2]}）`,
  ],
  [/^file printer path may not contain "\.\."/, () => '文件打印机路径不能含“..”'],
  [/^file printer path is a symlink/, () => '文件打印机路径不能是符号链接'],
  [
    /^publicUrl is an http:\/\/ or https:\/\/ address$/,
    () => '应为 http:// 或 https:// 开头的网址，如 http://192.168.1.10:8080',
  ],
  [/^publicUrl has no query or fragment$/, () => '网址后面不要带“?”或“#”部分'],
  [/^expected HH:MM \(24-hour\)$/, () => '时间格式为 HH:MM（24 小时制）'],
  [/^open must be before close$/, () => '开始时间必须早于结束时间'],
  [/^ids use letters, digits, "-", "_" or "\."$/, () => '编号只能用英文字母、数字和 - _ .'],
  [/^unknown IANA time zone$/, () => '没有这个时区（例如 Asia/Shanghai）'],
  [/^prefix is one or two capital letters$/, () => '前缀为一到两个大写英文字母'],
  [/^use the full-width ￥, not ¥$/, () => '请用全角“￥”，不要用半角“¥”（打印机打不出半角）'],
  [
    /^tcp:\/\/host:port, a serial path or file:PATH$/,
    () => '地址应为 tcp://主机:端口、串口路径（/dev/… 或 serial:…）或 file:路径',
  ],
  [/^Invalid input: expected \w+, received undefined$/, () => '必填'],
  [/^Too small: expected string to have >=1 characters$/, () => '必填'],
  [/^Too small: expected string to have >=(\d+) characters$/, (m) => `至少 ${m[1]} 个字符`],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `太长了：最多 ${m[1]} 个字符`],
  [/^Too small: expected array to have >=1 items$/, () => '至少要有一项'],
  [/^Too small: expected array to have >=(\d+) items$/, (m) => `至少要有 ${m[1]} 项`],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `最多 ${m[1]} 项`],
  [/^Too small: expected number to be >=(.+)$/, (m) => `不能小于 ${m[1]}`],
  [/^Too big: expected number to be <=(.+)$/, (m) => `不能大于 ${m[1]}`],
  [/^Invalid input: expected int, received number$/, () => '应为整数'],
  [/^Invalid input: expected number, received \w+$/, () => '应为数字'],
  [/^Invalid input: expected string, received \w+$/, () => '应为文字'],
  [/^Invalid input: expected array, received \w+$/, () => '应为列表'],
  [/^Invalid input: expected object, received \w+$/, () => '格式不对：应为一组设置'],
  [/^Invalid input: expected boolean, received \w+$/, () => '应为“是”或“否”'],
  [/^Invalid ISO date$/, () => '日期格式为 YYYY-MM-DD'],
  [/^Invalid option: expected one of (.+)$/, (m) => `只能是以下之一：${m[1]!.replaceAll('|', '、')}`],
  [/^Invalid string: must start with "scrypt\$"$/, () => '密码散列格式不对'],
];

export function issueText(lang: Lang, message: string): string {
  if (lang === 'en') return message;
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m !== null) return say(m);
  }
  return message;
}
