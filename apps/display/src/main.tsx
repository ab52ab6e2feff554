import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHubStore, followHubClock } from '@yichuang/client';
import '@yichuang/ui/src/theme.css';
import './styles/display.css';
import './styles/panels.css';
import { startDisplayController } from './display-controller.ts';
import { DisplayApp } from './display-app.tsx';
import { parseDisplayParams } from './display-params.ts';
import { createDisplayStore } from './display-store.ts';
import { deviceKey } from './device-key.ts';
import { DisplayProvider, HubProvider } from './hub-context.tsx';
import { Stage } from './screen/stage.tsx';
import { StatusScreen } from './screen/status-screens.tsx';

const root = createRoot(document.getElementById('root')!);
const params = parseDisplayParams(window.location.search);
const key = deviceKey();
if (key === null) {
  root.render(
    <Stage orientation={params.orientation ?? 'landscape'}>
      <StatusScreen title="notConfigured" hint="notConfiguredHint" testId="not-configured" />
    </Stage>,
  );
} else {
  const hub = createHubStore({ url: window.location.origin, key });
  // Opening hours are judged by the hub's clock, not this PC's.
  followHubClock(hub.getState().connection);
  const display = createDisplayStore();
  // Outside React: the voice and the call feed live as long as the page, not as long as a render.
  startDisplayController(hub, display, params);
  root.render(
    <StrictMode>
      <HubProvider value={hub}>
        <DisplayProvider value={display}>
          <DisplayApp params={params} />
        </DisplayProvider>
      </HubProvider>
    </StrictMode>,
  );
}
