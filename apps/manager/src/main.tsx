import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/manager.css';
import { ManagerApp } from './shell/manager-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ManagerApp />
  </StrictMode>,
);
