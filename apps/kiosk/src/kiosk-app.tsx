import { useEffect, type ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { StatusBanner, t } from '@yichuang/ui';
import { useCatalogueSync } from './catalogue.ts';
import { printerProblem, useHub, useKioskPrinter } from './hub-context.tsx';
import { currentScreen, useKiosk, type Screen } from './kiosk-store.ts';
import { Footer } from './layout/footer.tsx';
import { GreenModeBar } from './layout/green-mode-bar.tsx';
import { Header } from './layout/header.tsx';
import { ArrivalDialog, FailureDialog, TakingOverlay } from './layout/take-dialogs.tsx';
import { AppointmentScreen } from './screens/appointment-screen.tsx';
import { CategoryScreen } from './screens/category-screen.tsx';
import { ClosedScreen } from './screens/closed-screen.tsx';
import { ConfirmScreen } from './screens/confirm-screen.tsx';
import { GreenScreen } from './screens/green-screen.tsx';
import { GuideScreen } from './screens/guide-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { IdCardScreen } from './screens/id-card-screen.tsx';
import { LinkScreen, type LinkProblem } from './screens/link-screen.tsx';
import { SearchScreen } from './screens/search-screen.tsx';
import { watchPrintOutcomes } from './take-ticket.ts';
import { useIdleReturn } from './use-idle-return.ts';

function ScreenView({ screen, catalogue }: { screen: Screen; catalogue: Catalogue }): ReactElement {
  switch (screen.name) {
    case 'home':
      return <HomeScreen catalogue={catalogue} />;
    case 'choose':
      return <HomeScreen catalogue={catalogue} choosing />;
    case 'search':
      return <SearchScreen catalogue={catalogue} query={screen.query} />;
    case 'category':
      return <CategoryScreen catalogue={catalogue} category={screen.category} page={screen.page} />;
    case 'guide':
      return <GuideScreen catalogue={catalogue} serviceId={screen.serviceId} />;
    case 'green':
      return <GreenScreen catalogue={catalogue} serviceId={screen.serviceId} reason={screen.reason} />;
    case 'id-card':
      return <IdCardScreen request={screen.request} />;
    case 'appointment':
      return <AppointmentScreen code={screen.code} by={screen.by ?? 'code'} />;
    case 'confirm':
      return <ConfirmScreen catalogue={catalogue} ticket={screen.ticket} />;
  }
}

/** Why no ticket can be taken right now, if so: the link to the hub comes first. */
function useLinkProblem(catalogue: Catalogue | null): LinkProblem | null {
  const link = useHub((s) => s.link);
  const problem = useHub((s) => s.problem);
  if (problem?.code === 'UNAUTHENTICATED') return 'bad-key';
  if (problem?.code === 'PROTOCOL_MISMATCH') return 'protocol';
  if (link === 'offline') return 'offline';
  if (link === 'connecting' || catalogue === null) return 'connecting';
  return null;
}

export function KioskApp(): ReactElement {
  useCatalogueSync();
  const connection = useHub((s) => s.connection);
  useEffect(() => watchPrintOutcomes(connection), [connection]);
  const catalogue = useKiosk((s) => s.catalogue);
  useIdleReturn(catalogue?.kiosk.idleSeconds ?? 30);
  const lang = useKiosk((s) => s.lang);
  const elderly = useKiosk((s) => s.elderly);
  const screen = useKiosk(currentScreen);
  const taking = useKiosk((s) => s.taking);
  const failure = useKiosk((s) => s.failure);
  const arrival = useKiosk((s) => s.arrival);
  const green = useKiosk((s) => s.green);
  const linkProblem = useLinkProblem(catalogue);
  const printer = useKioskPrinter();
  const fault = printerProblem(printer?.status);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  let content: ReactElement;
  let canTake = false;
  // A ticket already taken stays on screen whatever happens to the link or the hour.
  if (screen.name === 'confirm' && catalogue !== null)
    content = <ConfirmScreen catalogue={catalogue} ticket={screen.ticket} />;
  else if (linkProblem !== null || catalogue === null)
    content = <LinkScreen problem={linkProblem ?? 'connecting'} lang={lang} />;
  else if (catalogue.hall.phase !== 'open') content = <ClosedScreen catalogue={catalogue} />;
  else {
    content = <ScreenView screen={screen} catalogue={catalogue} />;
    canTake = true;
  }

  return (
    <div className={elderly ? 'kiosk elderly' : 'kiosk'} data-lang={lang}>
      <Header />
      <main className="k-main">
        {canTake && fault !== null && (
          <StatusBanner
            tone="warning"
            icon="printer"
            testId="printer-fault"
            title={t(lang, 'printer.fault', { status: t(lang, `printer.${fault}`) })}
          />
        )}
        {canTake && green !== null && screen.name !== 'confirm' && (
          <GreenModeBar reason={green} lang={lang} choosing={screen.name !== 'guide' && screen.name !== 'id-card'} />
        )}
        {content}
      </main>
      <Footer />
      {taking && <TakingOverlay lang={lang} />}
      {failure !== null && !taking && canTake && <FailureDialog failure={failure} lang={lang} />}
      {arrival !== null && <ArrivalDialog ticket={arrival} lang={lang} />}
    </div>
  );
}
