/**
 * Our 好差评 levels and reasons in the provincial platform's terms (HAOCHA.md has the tables). The
 * platform's five grades are the national 政务服务“好差评” ones.
 */
export const GRADES: Record<number, { code: string; text: string }> = {
  5: { code: '5', text: '非常满意' },
  4: { code: '4', text: '满意' },
  3: { code: '3', text: '基本满意' },
  2: { code: '2', text: '不满意' },
  1: { code: '1', text: '非常不满意' },
};

/** Our reason codes (the rater screen's list) to the platform's; anything else is the citizen's own words (99). */
export const REASONS: Record<string, { code: string; text: string }> = {
  'waited-long': { code: '01', text: '等候时间长' },
  attitude: { code: '02', text: '服务态度差' },
  slow: { code: '03', text: '办理效率低' },
  unclear: { code: '04', text: '告知不清楚' },
  'not-done': { code: '05', text: '事项未办成' },
  'repeated-trips': { code: '06', text: '多次跑动' },
};
export const OTHER_REASON = { code: '99', text: '其他' };

/** Where the rating was given. */
export const CHANNELS: Record<string, { code: string; text: string }> = {
  rater: { code: '1', text: '窗口评价器' },
  pad: { code: '1', text: '窗口评价器' },
  officer: { code: '2', text: '窗口工作人员代录' },
  citizen: { code: '3', text: '移动端' },
};

export function reasonOf(reason: string | null): { code: string; text: string; note: string } | null {
  if (reason === null || reason === '') return null;
  const known = REASONS[reason];
  return known === undefined ? { ...OTHER_REASON, note: reason.slice(0, 200) } : { ...known, note: '' };
}
