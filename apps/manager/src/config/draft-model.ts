import { hallConfigSchema, type HallConfig } from '@yichuang/protocol';
import { listKeys, type Issue, type ListKey } from './issue-paths.ts';

/**
 * The draft is the whole config as the forms edit it. Officers are held without their PIN hash: the hub
 * keeps the PIN of an officer sent without one, so the console never holds or sends a hash back, and a
 * PIN reset made meanwhile cannot be undone by an older copy.
 */

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

/**
 * The protocol's own schema, run in the browser on what would be sent. Officers in `keptPins` may come
 * without a PIN (the hub keeps theirs), so they get a stand-in hash for the check only.
 */
export function validateConfig(raw: unknown, keptPins: ReadonlySet<string>): Validation {
  const checked =
    raw !== null && typeof raw === 'object' && Array.isArray((raw as { officers?: unknown }).officers)
      ? {
          ...raw,
          officers: (raw as { officers: unknown[] }).officers.map((o) => {
            if (o === null || typeof o !== 'object') return o;
            const officer = o as { id?: unknown; pin?: unknown; pinHash?: unknown };
            const kept = officer.pin === undefined && officer.pinHash === undefined && keptPins.has(String(officer.id));
            return kept ? { ...officer, pinHash: 'scrypt$kept' } : officer;
          }),
        }
      : raw;
  const result = hallConfigSchema.safeParse(checked);
  if (result.success) return { issues: [], parsed: result.data };
  return {
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
    parsed: null,
  };
}

/** Weekdays named by more than one rule: the hub uses only the first rule that names a day. */
export function shadowedDays(hours: readonly { days: number[] }[]): number[] {
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const rule of hours)
    for (const d of new Set(rule.days.map((x) => (x === 0 ? 7 : x)))) (seen.has(d) ? twice : seen).add(d);
  return [...twice].sort((a, b) => a - b);
}
