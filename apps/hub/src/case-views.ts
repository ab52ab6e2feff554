import type { Case, CaseProgress, CaseView, HallConfig } from '@yichuang/protocol';
import { workCalendar, workingDaysUntil } from '@yichuang/engine';

/** A case with its working days left against `today` (the hall's business day). */
export function caseView(c: Case, config: HallConfig, today: string): CaseView {
  const left = c.status === 'done' ? null : workingDaysUntil(workCalendar(config), today, c.dueDay);
  return {
    ...c,
    workingDaysLeft: left,
    overdue: left !== null && c.dueDay < today,
    dueSoon: left !== null && c.dueDay >= today && left <= config.cases.dueSoonWorkingDays,
  };
}

/** What the citizen's progress page shows: the matter and its steps, never the name or phone. */
export function caseProgress(c: Case, config: HallConfig, today: string): CaseProgress {
  return {
    no: c.no,
    serviceId: c.serviceId,
    serviceName: config.services.find((s) => s.id === c.serviceId)?.name ?? c.serviceId,
    kind: c.kind,
    status: c.status,
    acceptedAt: c.acceptedAt,
    dueDay: c.dueDay,
    pendingMaterials: c.pendingMaterials,
    materialsReceivedAt: c.materialsReceivedAt,
    doneAt: c.doneAt,
    overdue: c.status !== 'done' && c.dueDay < today,
  };
}
