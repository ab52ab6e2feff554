import type { ReactElement } from 'react';
import { splitCalls } from './calls-now.ts';
import type { DisplayParams } from './display-params.ts';
import { useDisplay, useHub } from './hub-context.tsx';
import { HallClosed } from './screen/hall-closed.tsx';
import { HeaderBar } from './screen/header-bar.tsx';
import { HERO_CALLS, NowCalling, RecentCalls } from './screen/now-calling.tsx';
import { NoticeTicker } from './screen/notice-ticker.tsx';
import { QueueBoard } from './screen/queue-board.tsx';
import { SoundOverlay } from './screen/sound-overlay.tsx';
import { Stage, useOrientation } from './screen/stage.tsx';
import { StatusScreen } from './screen/status-screens.tsx';
import { inHours, useHallPhase } from './screen/use-hall-phase.ts';
import { useHallView, type HallView } from './screen/use-hall-view.ts';
import { WindowBoard } from './screen/window-board.tsx';

/** More windows than this and the window board takes a wider column (and the calls a little less). */
const DENSE_AFTER = 8;

export function DisplayApp(p: { params: DisplayParams }): ReactElement {
  const orientation = useOrientation(p.params.orientation);
  const view = useHallView(p.params);
  const problem = useHub((s) => s.problem);

  if (view === null) {
    const title =
      problem?.code === 'UNAUTHENTICATED' ? 'badKey' : problem?.code === 'PROTOCOL_MISMATCH' ? 'tooOld' : 'connecting';
    return (
      <Stage orientation={orientation}>
        <StatusScreen title={title} testId={title} />
      </Stage>
    );
  }
  return (
    <Stage orientation={orientation}>
      <HallScreen view={view} orientation={orientation} params={p.params} />
      <SoundOverlay />
    </Stage>
  );
}

function HallScreen(p: { view: HallView; orientation: string; params: DisplayParams }): ReactElement {
  const { config, english, windows } = p.view;
  const calls = useDisplay((s) => s.calls);
  const speaking = useDisplay((s) => s.speaking);
  const voice = useDisplay((s) => s.voice);
  const version = useHub((s) => s.version);
  const phase = useHallPhase(config.hall, version);
  const split = splitCalls(calls, windows, HERO_CALLS);
  const dense = windows.length > DENSE_AFTER ? ' display--dense' : '';
  return (
    <div
      className={`display display--${p.orientation}${dense}`}
      data-screen="display"
      data-voice={voice}
      data-phase={phase}
    >
      <HeaderBar hallName={config.hall.name} timeZone={config.hall.timezone} english={english} />
      <main className="display__main">
        <div className="display__calls">
          <NowCalling
            calls={split.now}
            windowNumber={p.view.windowNumber}
            highlightSeconds={config.display.highlightSeconds}
            english={english}
            speaking={speaking}
            empty={inHours(phase) ? undefined : <HallClosed hall={config.hall} phase={phase} english={english} />}
          />
          <RecentCalls calls={split.recent} windowNumber={p.view.windowNumber} english={english} max={6} />
        </div>
        <WindowBoard
          windows={windows}
          config={config}
          english={english}
          inHours={inHours(phase)}
          pageSeconds={p.params.pageSeconds}
        />
        <QueueBoard
          queues={p.view.queues}
          english={english}
          inHours={inHours(phase)}
          pageSeconds={p.params.pageSeconds}
        />
      </main>
      <NoticeTicker config={config} english={english} />
    </div>
  );
}
