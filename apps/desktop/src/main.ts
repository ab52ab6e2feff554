/** Entry of the Electron main process (bundled to dist/main.cjs). */
import { app } from 'electron';
import { startShell } from './shell.ts';

startShell().catch((e: unknown) => {
  console.error('[desktop] failed to start', e);
  app.exit(1);
});
