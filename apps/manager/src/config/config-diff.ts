/**
 * What differs between two configs, section by section: the "unsaved changes" bar, the tab markers and
 * the import summary all read this. Pure, so it is tested on its own.
 */

/** JSON with sorted keys and no `undefined` members: two configs are equal when these strings are. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

export interface ListDiff {
  section: string;
  kind: 'list';
  /** Labels (name, else id) of the rows added, removed and changed. */
  added: string[];
  removed: string[];
  changed: string[];
  /** The same rows in another order (the kiosk shows matters in list order). */
  reordered: boolean;
}

export interface ObjectDiff {
  section: string;
  kind: 'object';
}

export type SectionDiff = ListDiff | ObjectDiff;

/** Sections in the order the page's tabs show them; unknown ones (from a file) follow. */
export const sectionOrder = [
  'hall',
  'services',
  'queues',
  'windows',
  'officers',
  'roster',
  'devices',
  'serialDevices',
  'printers',
  'callRules',
  'kiosk',
  'display',
] as const;

type Row = Record<string, unknown>;

const asRow = (x: unknown): Row => (x !== null && typeof x === 'object' ? (x as Row) : {});

/** A row's identity: its id, the roster's window, or its place when it has neither. */
function rowKey(row: Row, index: number): string {
  if (typeof row.id === 'string') return `id:${row.id}`;
  if (typeof row.window === 'string') return `window:${row.window}`;
  return `#${index}`;
}

function rowLabel(row: Row, index: number): string {
  if (typeof row.name === 'string' && row.name !== '') return row.name;
  if (typeof row.id === 'string' && row.id !== '') return row.id;
  if (typeof row.window === 'string') return row.window;
  return `#${index + 1}`;
}

function listDiff(section: string, before: unknown[], after: unknown[]): ListDiff {
  const keyed = (list: unknown[]): Map<string, { row: Row; index: number }> => {
    const map = new Map<string, { row: Row; index: number }>();
    list.forEach((x, index) => {
      let key = rowKey(asRow(x), index);
      // A duplicate id (refused later by the schema) must not hide a row from the summary.
      while (map.has(key)) key += "'";
      map.set(key, { row: asRow(x), index });
    });
    return map;
  };
  const old = keyed(before);
  const now = keyed(after);
  const added = [...now].filter(([k]) => !old.has(k)).map(([, v]) => rowLabel(v.row, v.index));
  const removed = [...old].filter(([k]) => !now.has(k)).map(([, v]) => rowLabel(v.row, v.index));
  const changed = [...now]
    .filter(([k, v]) => old.has(k) && !sameValue(old.get(k)!.row, v.row))
    .map(([, v]) => rowLabel(v.row, v.index));
  const kept = (keys: Map<string, unknown>, other: Map<string, unknown>): string[] =>
    [...keys.keys()].filter((k) => other.has(k));
  const reordered = kept(old, now).join('\n') !== kept(now, old).join('\n');
  return { section, kind: 'list', added, removed, changed, reordered };
}

export function diffConfigs(beforeConfig: object, afterConfig: object): SectionDiff[] {
  const before = beforeConfig as Record<string, unknown>;
  const after = afterConfig as Record<string, unknown>;
  const known = new Set<string>(sectionOrder);
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !known.has(k)).sort();
  const out: SectionDiff[] = [];
  for (const section of [...sectionOrder, ...extra]) {
    const a = before[section];
    const b = after[section];
    if (sameValue(a, b)) continue;
    const listA = Array.isArray(a) ? a : a === undefined ? [] : null;
    const listB = Array.isArray(b) ? b : b === undefined ? [] : null;
    if (listA === null || listB === null) {
      out.push({ section, kind: 'object' });
      continue;
    }
    const d = listDiff(section, listA, listB);
    // A list left out of a file is the same as an empty one (the schema's default).
    if (d.added.length + d.removed.length + d.changed.length > 0 || d.reordered) out.push(d);
  }
  return out;
}
