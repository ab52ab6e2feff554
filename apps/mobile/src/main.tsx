import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import '@yichuang/ui/src/theme.css';
import './styles/mobile.css';
import './styles/guide.css';
import './styles/booking.css';
import './styles/progress.css';
import { BookScreen } from './booking/book-screen.tsx';
import { BookedScreen } from './booking/booked-screen.tsx';
import { MineScreen } from './booking/mine-screen.tsx';
import { RescheduleScreen } from './booking/reschedule-screen.tsx';
import { ProgressScreen } from './progress/progress-screen.tsx';
import { GuideScreen } from './screens/guide-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { CityScreen } from './city/city-screen.tsx';
import { MatterScreen } from './screens/matter-screen.tsx';
import { TakeScreen } from './screens/take-screen.tsx';
import { useRoute } from './router.ts';

/** The citizen's phone pages under /m/ (the QR poster in the hall opens /m/). */
function MobileApp(): ReactElement {
  const route = useRoute();
  switch (route.name) {
    case 'home':
    case 'not-found':
      return <HomeScreen />;
    case 'guide':
      return <GuideScreen />;
    case 'matter':
      return <MatterScreen serviceId={route.serviceId} />;
    case 'book':
      return <BookScreen serviceId={route.serviceId} />;
    case 'booked':
      return <BookedScreen code={route.code} />;
    case 'mine':
      return <MineScreen />;
    case 'reschedule':
      return <RescheduleScreen code={route.code} />;
    case 'take':
      return <TakeScreen serviceId={route.serviceId} />;
    case 'progress':
      return <ProgressScreen />;
    case 'city':
      return <CityScreen serviceId={route.serviceId} />;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MobileApp />
  </StrictMode>,
);
