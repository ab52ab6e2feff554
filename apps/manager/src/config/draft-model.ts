import { hallConfigSchema, isTrivialPin, TRIVIAL_PIN_ISSUE, type HallConfig } from '@yichuang/protocol';
import { listKeys, type Issue, type ListKey } from './issue-paths.ts';

/**
 * The draft is the whole config as the forms edit it. Secrets stay in the hub, which never sends them:
 * officers are held without their PIN hash, and a saved device's key is `KEPT_KEY` (''). Sent back, an
 * officer without a PIN and a device without a key keep theirs, so a PIN reset or key rotation made
 * meanwhile cannot be undone by an older copy. A new `pin` or `key` in the draft is sent as it is.
 */

/** A device key the hub keeps and does not show: '' in the draft, left out of what is sent. */
export const KEPT_KEY = '';

export type Item<K extends ListKey> = HallConfig[K][number];

/** A stable key per row (for React, and to tell rows added in this draft from saved ones). */
export type RowKeys = Record<ListKey, string[]>;

export interface Draft {
  config: HallConfig;
  keys: RowKeys;
}

export function withoutPins(config: HallConfig): HallConfig {
  return { ...config, officers: config.officers.map(({ pin: _pin, pinHash: _hash, ...o }) => o) };
}

/** A config as the hub sends it (devices without `key`), with every device's key `KEPT_KEY`. */
export function withKeptKeys(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || !Array.isArray((raw as { devices?: unknown }).devices)) return raw;
  return {
    ...raw,
    devices: (raw as { devices: unknown[] }).devices.map((d) =>
      d !== null && typeof d === 'object' && (d as { key?: unknown }).key === undefined ? { ...d, key: KEPT_KEY } : d,
    ),
  };
}

/** What goes to the hub: a device whose key is kept is sent without one. */
export function sendable(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || !Array.isArray((raw as { devices?: unknown }).devices)) return raw;
  return {
    ...raw,
    devices: (raw as { devices: unknown[] }).devices.map((d) => {
      if (d === null || typeof d !== 'object' || (d as { key?: unknown }).key !== KEPT_KEY) return d;
      const { key: _key, ...rest } = d as { key?: unknown };
      return rest;
    }),
  };
}

export function savedKeys(config: HallConfig): RowKeys {
  const keys = {} as RowKeys;
  for (const list of listKeys) keys[list] = config[list].map((_, i) => `s:${i}`);
  return keys;
}

/** A row added in this draft: its id may still be chosen (a saved row's id is what others refer to). */
export const isNewRow = (key: string | undefined): boolean => key?.startsWith('n:') ?? false;

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

export const removeItem = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

export const replaceItem = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

const rowsOf = <K extends ListKey>(config: HallConfig, list: K): Item<K>[] => config[list];

const withRows = <K extends ListKey>(config: HallConfig, list: K, rows: Item<K>[]): HallConfig => ({
  ...config,
  [list]: rows,
});

export function addRow<K extends ListKey>(d: Draft, list: K, item: Item<K>, key: string): Draft {
  return {
    config: withRows(d.config, list, [...rowsOf(d.config, list), item]),
    keys: { ...d.keys, [list]: [...d.keys[list], key] },
  };
}

export function removeRow(d: Draft, list: ListKey, index: number): Draft {
  return {
    config: withRows(d.config, list, removeItem(rowsOf(d.config, list), index)),
    keys: { ...d.keys, [list]: removeItem(d.keys[list], index) },
  };
}

export function moveRow(d: Draft, list: ListKey, from: number, to: number): Draft {
  return {
    config: withRows(d.config, list, moveItem(rowsOf(d.config, list), from, to)),
    keys: { ...d.keys, [list]: moveItem(d.keys[list], from, to) },
  };
}

/** Set some fields of one row; a field set to `undefined` is left out of what is sent. */
export function patchRow<K extends ListKey>(d: Draft, list: K, index: number, patch: Partial<Item<K>>): Draft {
  const rows = rowsOf(d.config, list);
  const row = rows[index];
  if (row === undefined) return d;
  return { config: withRows(d.config, list, replaceItem(rows, index, { ...row, ...patch })), keys: d.keys };
}

export interface Validation {
  issues: Issue[];
  /** The config with the schema's defaults filled in, when it is valid. */
  parsed: HallConfig | null;
}

const KEY_STAND_IN = 'kept-key:';
/** A message gateway's secret the hub keeps (notify.webhook / notify.wechat sent without one). */
const SECRET_STAND_IN = 'kept-secret:0000000000';

/** notify with a stand-in for each gateway secret the hub keeps (left out), for the check only. */
function withSecretStandIns(notify: unknown): unknown {
  if (notify === null || typeof notify !== 'object') return notify;
  const out: Record<string, unknown> = { ...(notify as Record<string, unknown>) };
  for (const gateway of ['webhook', 'wechat'])
    if (
      out[gateway] !== null &&
      typeof out[gateway] === 'object' &&
      (out[gateway] as { secret?: unknown }).secret === undefined
    )
      out[gateway] = { ...out[gateway], secret: SECRET_STAND_IN };
  return out;
}

/**
 * The protocol's own schema, run in the browser on what would be sent. Officers in `keptPins` may come
 * without a PIN and devices in `keptKeys` without a key (the hub keeps theirs), so they get stand-ins for
 * the check only; the parse gives such a device back with `KEPT_KEY`. A new PIN the hub would refuse as
 * too easy to guess is an issue here too.
 */
export function validateConfig(
  raw: unknown,
  keptPins: ReadonlySet<string>,
  keptKeys: ReadonlySet<string> = new Set(),
): Validation {
  const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';
  const list = (key: string): unknown[] | null =>
    isObject(raw) && Array.isArray(raw[key]) ? (raw[key] as unknown[]) : null;
  const officers = list('officers');
  const devices = list('devices');
  const checked = !isObject(raw)
    ? raw
    : {
        ...raw,
        ...(raw.notify === undefined ? {} : { notify: withSecretStandIns(raw.notify) }),
        ...(officers === null
          ? {}
          : {
              officers: officers.map((o) => {
                if (!isObject(o)) return o;
                const kept = o.pin === undefined && o.pinHash === undefined && keptPins.has(String(o.id));
                return kept ? { ...o, pinHash: 'scrypt$kept' } : o;
              }),
            }),
        ...(devices === null
          ? {}
          : {
              devices: devices.map((d, i) =>
                isObject(d) && (d.key === undefined || d.key === KEPT_KEY) && keptKeys.has(String(d.id))
                  ? { ...d, key: `${KEY_STAND_IN}${i}` }
                  : d,
              ),
            }),
      };
  const trivial = (officers ?? []).flatMap((o, i) =>
    isObject(o) && typeof o.pin === 'string' && isTrivialPin(o.pin)
      ? [{ path: `officers.${i}.pin`, message: TRIVIAL_PIN_ISSUE }]
      : [],
  );
  const result = hallConfigSchema.safeParse(checked);
  if (result.success && trivial.length === 0) {
    const parsed = result.data;
    parsed.devices = parsed.devices.map((d) => (d.key.startsWith(KEY_STAND_IN) ? { ...d, key: KEPT_KEY } : d));
    // A kept gateway secret goes back left out (the hub fills in its own).
    for (const gateway of [parsed.notify.webhook, parsed.notify.wechat])
      if (gateway?.secret === SECRET_STAND_IN) delete (gateway as { secret?: string }).secret;
    return { issues: [], parsed };
  }
  const schemaIssues = result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
  return { issues: [...schemaIssues, ...trivial], parsed: null };
}

/** Weekdays named by more than one rule: the hub uses only the first rule that names a day. */
export function shadowedDays(hours: readonly { days: number[] }[]): number[] {
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const rule of hours)
    for (const d of new Set(rule.days.map((x) => (x === 0 ? 7 : x)))) (seen.has(d) ? twice : seen).add(d);
  return [...twice].sort((a, b) => a - b);
}
