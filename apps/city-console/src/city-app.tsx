import type { ReactElement } from 'react';
import { CityFrame } from './city-frame.tsx';
import { useCity } from './city-store.ts';
import { HallPage } from './hall/hall-page.tsx';
import { LoginScreen } from './login-screen.tsx';
import { OverviewPage, useOverview } from './overview/overview-page.tsx';
import { ReportsPage } from './reports/reports-page.tsx';

function SignedIn(): ReactElement {
  const page = useCity((s) => s.page);
  const overview = useOverview();
  return (
    <CityFrame cityName={overview.data?.city ?? ''}>
      {overview.error !== null && (
        <div className="m-note m-note--error cc-banner" role="alert" data-testid="link-error">
          {overview.error}
        </div>
      )}
      {page.kind === 'hall' ? (
        <HallPage hallId={page.hallId} />
      ) : page.kind === 'reports' ? (
        <ReportsPage />
      ) : (
        <OverviewPage data={overview.data} at={overview.at} />
      )}
    </CityFrame>
  );
}

/** The city console: the sign-in screen, then the city's halls. */
export function CityApp(): ReactElement {
  const session = useCity((s) => s.session);
  return session === null ? <LoginScreen /> : <SignedIn />;
}
