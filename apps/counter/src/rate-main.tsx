import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHubStore } from '@yichuang/client';
import '@yichuang/ui/src/theme.css';
import './styles/rate.css';
import { followHubClock } from './hub-clock.ts';
import { NotConfigured, RateApp } from './rate/rate-app.tsx';
import { raterKey, windowIdFromPath } from './rate/rater-key.ts';

const root = createRoot(document.getElementById('root')!);
const key = raterKey();
const windowId = windowIdFromPath(window.location.pathname);
if (key === null || windowId === null) {
  root.render(<NotConfigured lang="zh" />);
} else {
  const hub = createHubStore({ url: window.location.origin, key });
  followHubClock(hub.getState().connection);
  root.render(
    <StrictMode>
      <RateApp hub={hub} windowId={windowId} />
    </StrictMode>,
  );
}
