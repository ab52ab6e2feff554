import { join } from 'node:path';
import type { HallConfig } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';

/**
 * For the demo only: a fake network printer on each tcp://127.0.0.1:PORT printer of the config,
 * writing what it receives as text and HTML previews under DATA/prints, so a person trying the
 * demo can see every ticket printed.
 */
export async function startDemoPrinters(config: HallConfig, dataDir: string): Promise<FakePrinter[]> {
  const started: FakePrinter[] = [];
  for (const p of config.printers) {
    const m = /^tcp:\/\/(127\.0\.0\.1|localhost):(\d+)$/.exec(p.uri);
    if (m === null) continue;
    const printer = new FakePrinter({
      port: Number(m[2]),
      previewDir: join(dataDir, 'prints', p.id),
      paperWidthMm: p.paperWidthMm,
      columns: p.columns,
    });
    try {
      await printer.start();
      started.push(printer);
    } catch (err) {
      console.error(`demo printer ${p.id} (${p.uri}) could not start: ${(err as Error).message}`);
    }
  }
  return started;
}
