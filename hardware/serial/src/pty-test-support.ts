import type { SerialDeviceConfig } from '@yichuang/protocol';
import type { SerialDriverOptions } from './device-types.ts';

/** Helpers shared by the socat pty tests. */

/** Short back-off and timeouts so the tests do not wait on real-hall numbers. */
export const FAST: SerialDriverOptions = {
  backoff: { initialMs: 20, maxMs: 100 },
  pathCheckMs: 50,
  ackTimeoutMs: 150,
  retries: 2,
};

export function deviceConfig<K extends SerialDeviceConfig['kind']>(
  kind: K,
  path: string,
  address = 1,
  protocol = 'yichuang',
): SerialDeviceConfig & { kind: K } {
  return { id: `${kind}-${address}`, kind, path, baudRate: 9600, address, window: 'w3', protocol };
}

/** Things to close after each test, newest first. */
export class Closer {
  private readonly items: { close(): Promise<void> }[] = [];
  add<T extends { close(): Promise<void> }>(item: T): T {
    this.items.push(item);
    return item;
  }
  async closeAll(): Promise<void> {
    for (const item of this.items.splice(0).reverse()) await item.close();
  }
}
