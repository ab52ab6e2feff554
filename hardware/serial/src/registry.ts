import type { SerialDeviceConfig } from '@yichuang/protocol';
import type { DeviceByKind, SerialDeviceKind, SerialDriverOptions, SerialProtocolFactory } from './device-types.ts';
import { createYichuangDevice } from './yichuang-drivers.ts';

/** Wire protocols by the name a device's config gives in `protocol`. `yichuang` is ours. */
const protocols = new Map<string, SerialProtocolFactory>([['yichuang', createYichuangDevice]]);

/**
 * Add a vendor protocol. Returns a function that removes it again (for tests). A name can be registered
 * once; re-registering throws so two drivers never silently fight over one name.
 */
export function registerSerialProtocol(name: string, factory: SerialProtocolFactory): () => void {
  if (protocols.has(name)) throw new Error(`serial protocol "${name}" is already registered`);
  protocols.set(name, factory);
  return () => {
    if (protocols.get(name) === factory) protocols.delete(name);
  };
}

export function serialProtocols(): string[] {
  return [...protocols.keys()].sort();
}

/**
 * The driver for one configured device; it starts opening its port at once. Throws for an unknown
 * protocol, or a protocol that does not make that kind of device.
 */
export function createSerialDevice<K extends SerialDeviceKind>(
  config: SerialDeviceConfig & { kind: K },
  options: SerialDriverOptions = {},
): DeviceByKind[K] {
  const factory = protocols.get(config.protocol);
  if (!factory) {
    throw new Error(
      `serial device "${config.id}": unknown protocol "${config.protocol}" (known: ${serialProtocols().join(', ')})`,
    );
  }
  const device = factory(config, options);
  if (device.kind !== config.kind) {
    void device.close();
    throw new Error(
      `serial device "${config.id}": protocol "${config.protocol}" made a ${device.kind}, not a ${config.kind}`,
    );
  }
  return device as DeviceByKind[K];
}
