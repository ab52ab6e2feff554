import type { Lang } from '@yichuang/ui';

/** 全城通办's own words on the phone pages. */
const zh = {
  title: '全城通办',
  intro: '以下事项在全市任意一个公安服务大厅都能办。选一个事项，看看哪里人少、现在开门。',
  search: '搜索事项',
  none: '没有找到这个事项',
  noCity: '本大厅还没有接入全市服务平台，请到本大厅办理。',
  unreachable: '暂时连不上全市服务平台，请稍后再试，或直接到本大厅办理。',
  halls: '{n} 个大厅可办',
  open: '正在办公',
  closed: '未在办公',
  hours: '今日 {open}–{close}',
  closedToday: '今日不办公',
  waiting: '等候 {n} 人',
  estimate: '约等 {n} 分钟',
  estimateNone: '暂无窗口办理',
  stale: '数据可能不是最新的',
  call: '打电话',
  nearest: '离我最近',
  byWait: '等候最短',
  sortHint: '按等候时间排序',
  pick: '选择事项',
  link: '全城通办：看看全市哪个大厅人少',
  updated: '{time} 更新',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: 'City-wide matters',
  intro:
    'These matters can be handled at any public-security hall of the city. Pick one to see where it is quiet and open now.',
  search: 'Search matters',
  none: 'No such matter',
  noCity: 'This hall is not linked to the city service yet: please come to this hall.',
  unreachable: 'The city service cannot be reached right now: try again later, or come to this hall.',
  halls: '{n} halls handle it',
  open: 'Open now',
  closed: 'Closed now',
  hours: 'Today {open}–{close}',
  closedToday: 'Closed today',
  waiting: '{n} waiting',
  estimate: 'about {n} min',
  estimateNone: 'no window open for it',
  stale: 'figures may be out of date',
  call: 'Call',
  nearest: 'Nearest',
  byWait: 'Shortest wait',
  sortHint: 'Sorted by waiting time',
  pick: 'Pick a matter',
  link: 'City-wide: see which hall is quiet now',
  updated: 'updated {time}',
};

export function cityText(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return (lang === 'zh' ? zh : en)[key].replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w));
}
