import { useEffect, type ReactElement } from 'react';
import { AppointmentsPage } from '../appointments/appointments-page.tsx';
import { CasesPage } from '../cases/cases-page.tsx';
import { ComplaintsPage } from '../complaints/complaints-page.tsx';
import { AuditPage } from '../audit/audit-page.tsx';
import { ConfigPage } from '../config/config-page.tsx';
import { LivePage } from '../live/live-page.tsx';
import { NotifyPage } from '../notify/notify-page.tsx';
import { ReportsPage } from '../reports/reports-page.tsx';
import { SimulatePage } from '../simulate/simulate-page.tsx';
import { AppFrame } from './app-frame.tsx';
import { HubProvider } from './hub-hooks.ts';
import { LoginScreen } from './login-screen.tsx';
import { useManager } from './manager-store.ts';
import { followOversight } from './oversight-store.ts';
import type { PageId } from './pages.ts';

const PAGES: Record<PageId, () => ReactElement> = {
  live: LivePage,
  appointments: AppointmentsPage,
  cases: CasesPage,
  complaints: ComplaintsPage,
  config: ConfigPage,
  reports: ReportsPage,
  audit: AuditPage,
  notify: NotifyPage,
  simulate: SimulatePage,
};

export function ManagerApp(): ReactElement {
  const session = useManager((s) => s.session);
  const hub = useManager((s) => s.hub);
  const page = useManager((s) => s.page);
  useEffect(() => (hub === null ? undefined : followOversight(hub)), [hub]);
  // The hub refusing this session (expired, PIN reset, account removed) ends it here too.
  useEffect(
    () =>
      hub?.subscribe((s) => {
        if (s.problem?.code === 'UNAUTHENTICATED') useManager.getState().logout(s.problem.message);
      }),
    [hub],
  );
  if (session === null || hub === null) return <LoginScreen />;
  const Page = PAGES[page];
  return (
    <HubProvider value={hub}>
      <AppFrame>
        <Page />
      </AppFrame>
    </HubProvider>
  );
}
