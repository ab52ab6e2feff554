import type { ReactElement } from 'react';
import { useCounter } from '../counter-store.ts';
import { useHall, useWindows } from '../hub-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { FinishDialog } from './finish-dialog.tsx';
import { NoticeDialog } from './notice-dialog.tsx';
import { PauseDialog } from './pause-dialog.tsx';
import { SpecialDialog } from './special-dialog.tsx';
import { TransferDialog } from './transfer-dialog.tsx';

/** The open dialog, if any, for the window this counter works at. */
export function DialogHost(): ReactElement | null {
  const dialog = useCounter((s) => s.dialog);
  const windowId = useCounter((s) => s.windowId);
  const { state } = useHall();
  const windows = useWindows();
  if (dialog === null) return null;
  if (dialog.kind === 'confirm') return <ConfirmDialog d={dialog} />;
  const w = windows.find((x) => x.id === windowId);
  if (w === undefined || state === null) return null;
  switch (dialog.kind) {
    case 'pause':
      return <PauseDialog w={w} state={state} />;
    case 'transfer':
      return <TransferDialog w={w} state={state} />;
    case 'finish':
      return <FinishDialog w={w} state={state} />;
    case 'special':
      return <SpecialDialog w={w} state={state} />;
    case 'notice':
      return <NoticeDialog w={w} state={state} tab={dialog.tab} />;
  }
}
