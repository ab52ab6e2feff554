import type { ReactElement } from 'react';
import type { DisplayParams } from './display-params.ts';
import { useDisplay, useHub } from './hub-context.tsx';
import { HeaderBar } from './screen/header-bar.tsx';
import { NowCalling, RecentCalls } from './screen/now-calling.tsx';
import { NoticeTicker } from './screen/notice-ticker.tsx';
import { QueueBoard } from './screen/queue-board.tsx';
import { SoundOverlay } from './screen/sound-overlay.tsx';
import { Stage, useOrientation } from './screen/stage.tsx';
import { StatusScreen } from './screen/status-screens.tsx';
import { useHallView } from './screen/use-hall-view.ts';
import { WindowBoard } from './screen/window-board.tsx';

export function DisplayApp(p: { params: DisplayParams }): ReactElement {
  const orientation = useOrientation(p.params.orientation);
  const view = useHallView(p.params);
  const problem = useHub((s) => s.problem);
  const calls = useDisplay((s) => s.calls);
  const speaking = useDisplay((s) => s.speaking);
  const voice = useDisplay((s) => s.voice);

  if (view === null) {
    const title =
      problem?.code === 'UNAUTHENTICATED' ? 'badKey' : problem?.code === 'PROTOCOL_MISMATCH' ? 'tooOld' : 'connecting';
    return (
      <Stage orientation={orientation}>
        <StatusScreen title={title} testId={title} />
      </Stage>
    );
  }
  const { config, english } = view;
  return (
    <Stage orientation={orientation}>
      <div className={`display display--${orientation}`} data-screen="display" data-voice={voice}>
        <HeaderBar hallName={config.hall.name} timeZone={config.hall.timezone} english={english} />
        <main className="display__main">
          <div className="display__calls">
            <NowCalling
              calls={calls}
              windowNumber={view.windowNumber}
              highlightSeconds={config.display.highlightSeconds}
              english={english}
              speaking={speaking}
            />
            <RecentCalls calls={calls} windowNumber={view.windowNumber} english={english} max={6} />
          </div>
          <WindowBoard windows={view.windows} config={config} english={english} />
          <QueueBoard queues={view.queues} english={english} />
        </main>
        <NoticeTicker config={config} english={english} />
      </div>
      <SoundOverlay />
    </Stage>
  );
}
