import type { HallConfig } from '@yichuang/protocol';
import { workCalendar, workingDaysUntil } from '@yichuang/engine';
import type { AlertCondition } from './alert-rules.ts';

/** An open case past its due day, as `overdueCases` reads it (bounded there). */
export interface OverdueRow {
  id: string;
  no: string;
  dueDay: string;
  windowId: string;
}

/**
 * 受理件超期: one alert per open case past its due day, named by its 受理编号 with the matter and the
 * window that accepted it. `serviceOf` finds a case's matter (the engine keeps every open case).
 */
export function overdueConditions(
  rows: readonly OverdueRow[],
  config: HallConfig,
  today: string,
  serviceOf: (caseId: string) => string | undefined,
): AlertCondition[] {
  return rows.map((r) => {
    const serviceId = serviceOf(r.id);
    const service = config.services.find((s) => s.id === serviceId);
    const matter = service?.name ?? serviceId ?? '';
    const matterEn = service?.nameEn ?? matter;
    const win = config.windows.find((w) => w.id === r.windowId);
    const winName = win?.name ?? r.windowId;
    const late = Math.max(1, -workingDaysUntil(workCalendar(config), today, r.dueDay));
    const what = matter === '' ? winName : `${matter}，${winName}`;
    const whatEn = matterEn === '' ? r.windowId : `${matterEn}, window ${win?.number ?? r.windowId}`;
    return {
      kind: 'case-overdue',
      severity: 'warning',
      subject: r.no,
      windowId: r.windowId,
      message: `受理件 ${r.no}（${what}）已超过办结期限 ${r.dueDay}，逾期 ${late} 个工作日 / case ${r.no} (${whatEn}) is ${late} working day${late === 1 ? '' : 's'} past its due day ${r.dueDay}`,
      since: null,
    };
  });
}
