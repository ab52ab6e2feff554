import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints off the main thread. A checkpoint copies the log's pages into the database file
 * and fsyncs it: on a slow disk that is two or more fsyncs, and SQLite's automatic checkpoint runs
 * them inside whichever commit crosses the threshold, stopping the event loop (it halved the hub's
 * throughput with a 10 ms fsync). So the hub's own connection only checkpoints as a backstop
 * (`AUTOCHECKPOINT_BACKSTOP_PAGES`), and this thread, with a connection of its own, runs a PASSIVE
 * checkpoint (it never waits for the writer) every `everyMs`.
 */
export const AUTOCHECKPOINT_BACKSTOP_PAGES = 20_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let timer = null;
const run = () => {
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err && err.message || err) });
  }
};
timer = setInterval(run, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export class Checkpointer {
  private readonly worker: Worker;
  private failures = 0;

  constructor(file: string, log: (line: string) => void, everyMs = 1000) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, everyMs },
      // A small isolate: the thread only asks SQLite to checkpoint, whose pages live outside the JS heap.
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1, codeRangeSizeMb: 2, stackSizeMb: 1 },
    });
    this.worker.unref();
    this.worker.on('message', (m: { ok: boolean; error?: string }) => {
      if (m.ok) this.failures = 0;
      // One line when checkpoints start failing, not one a second.
      else if (this.failures++ === 0) log(`WAL checkpoint failed (the hub's own connection takes over): ${m.error}`);
    });
    this.worker.on('error', (err) => log(`WAL checkpoint thread stopped: ${err.message}`));
  }

  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => void this.worker.terminate().finally(resolve), 2000);
      this.worker.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
