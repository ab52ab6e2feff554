import {
  isTrivialPin,
  TRIVIAL_PIN_ISSUE,
  TRIVIAL_PIN_MESSAGE,
  type DomainError,
  type HallConfig,
} from '@yichuang/protocol';

/**
 * The config's secrets (officers' PIN hashes, devices' keys) stay in the hub. The console gets the config
 * without them and sends it back the same way:
 *   officer without `pin` and `pinHash`  keeps the PIN they have
 *   officer with `pin`                   gets that PIN (not a trivial one)
 *   device without `key`                 keeps its key
 *   device with `key`                    gets that key (a new device, or a rotation)
 *   notify gateway without `secret`      keeps its secret (webhook and wechat alike)
 *   notify gateway with `secret`         gets that secret
 *   city without `hallKey`               keeps its hall key; with one, gets it
 * A `pinHash` sent as is (a config file imported whole) is taken as is.
 */
export function withoutSecrets(config: HallConfig): unknown {
  return {
    ...config,
    officers: config.officers.map(({ pin: _pin, pinHash: _hash, ...o }) => o),
    devices: config.devices.map(({ key: _key, ...d }) => d),
    notify: {
      ...config.notify,
      ...(config.notify.webhook === undefined ? {} : { webhook: stripSecret(config.notify.webhook) }),
      ...(config.notify.wechat === undefined ? {} : { wechat: stripSecret(config.notify.wechat) }),
    },
    ...(config.city === undefined ? {} : { city: (({ hallKey: _key, ...c }) => c)(config.city) }),
  };
}

function stripSecret<T extends { secret: string }>(gateway: T): Omit<T, 'secret'> {
  const { secret: _secret, ...rest } = gateway;
  return rest;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Fill in the stored PIN hash and key of every saved officer and device sent back without one. */
export function keepSecrets(raw: unknown, stored: HallConfig): unknown {
  if (!isRecord(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  if (Array.isArray(raw.officers)) {
    const hashes = new Map(stored.officers.map((o) => [o.id, o.pinHash]));
    out.officers = raw.officers.map((o: unknown) =>
      isRecord(o) && o.pin === undefined && o.pinHash === undefined && hashes.get(String(o.id)) !== undefined
        ? { ...o, pinHash: hashes.get(String(o.id)) }
        : o,
    );
  }
  if (Array.isArray(raw.devices)) {
    const keys = new Map(stored.devices.map((d) => [d.id, d.key]));
    out.devices = raw.devices.map((d: unknown) =>
      isRecord(d) && d.key === undefined && keys.has(String(d.id)) ? { ...d, key: keys.get(String(d.id)) } : d,
    );
  }
  if (isRecord(raw.notify)) {
    const notify: Record<string, unknown> = { ...raw.notify };
    for (const gateway of ['webhook', 'wechat'] as const) {
      const sent = raw.notify[gateway];
      const secret = stored.notify[gateway]?.secret;
      if (isRecord(sent) && sent.secret === undefined && secret !== undefined) notify[gateway] = { ...sent, secret };
    }
    out.notify = notify;
  }
  if (isRecord(raw.city) && raw.city.hallKey === undefined && stored.city !== undefined)
    out.city = { ...raw.city, hallKey: stored.city.hallKey };
  return out;
}

/** A PIN set live (console or API) that is too easy to guess, as a refusal at its field; null when none. */
export function trivialPins(raw: unknown): DomainError | null {
  if (!isRecord(raw) || !Array.isArray(raw.officers)) return null;
  const issues = raw.officers.flatMap((o: unknown, i) =>
    isRecord(o) && typeof o.pin === 'string' && isTrivialPin(o.pin)
      ? [{ path: `officers.${i}.pin`, message: TRIVIAL_PIN_ISSUE }]
      : [],
  );
  if (issues.length === 0) return null;
  return { code: 'VALIDATION_FAILED', message: TRIVIAL_PIN_MESSAGE, field: issues[0]!.path, issues };
}
