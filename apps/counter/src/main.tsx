import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@yichuang/ui/src/theme.css';
import './styles/counter.css';
import './styles/work.css';
import './styles/dialogs.css';
import { CounterApp } from './counter-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CounterApp />
  </StrictMode>,
);
