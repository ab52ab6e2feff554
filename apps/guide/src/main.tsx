import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@yichuang/ui/src/theme.css';
import './styles/guide.css';
import './styles/lists.css';
import { GuideApp } from './guide-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GuideApp />
  </StrictMode>,
);
