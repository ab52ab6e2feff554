import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHubStore } from '@yichuang/client';
import '@yichuang/ui/src/theme.css';
import './styles/layout.css';
import './styles/choosing.css';
import './styles/entry.css';
import './styles/guide.css';
import './styles/confirm.css';
import './styles/states.css';
import './styles/scale.css';
import './styles/landscape.css';
import { deviceKey } from './device-key.ts';
import { HubProvider } from './hub-context.tsx';
import { KioskApp } from './kiosk-app.tsx';
import { NotConfiguredScreen } from './screens/not-configured-screen.tsx';

const root = createRoot(document.getElementById('root')!);
const key = deviceKey();
if (key === null) {
  root.render(<NotConfiguredScreen />);
} else {
  const hub = createHubStore({ url: window.location.origin, key });
  root.render(
    <StrictMode>
      <HubProvider value={hub}>
        <KioskApp />
      </HubProvider>
    </StrictMode>,
  );
}
