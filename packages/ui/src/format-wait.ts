import { t, type Lang } from './strings.ts';

/** "约 12 分钟", "约 1 小时 20 分钟" or "无需等候": rounded up, never a false promise of "0 minutes". */
export function formatWait(seconds: number, lang: Lang): string {
  if (seconds <= 0) return t(lang, 'wait.none');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t(lang, 'wait.minutes', { m: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t(lang, 'wait.hours', { h }) : t(lang, 'wait.hoursMinutes', { h, m });
}

/** A queue's or a ticket's estimate: 暂无窗口办理 while no staffed window serves its queue. */
export function formatEstimate(e: { estimatedWaitS: number; unstaffed?: boolean }, lang: Lang): string {
  return e.unstaffed === true ? t(lang, 'wait.unstaffed') : formatWait(e.estimatedWaitS, lang);
}
