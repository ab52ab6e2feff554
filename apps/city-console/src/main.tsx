import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../manager/src/styles/manager.css';
import './city.css';
import { CityApp } from './city-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CityApp />
  </StrictMode>,
);
