/** Where a problem the schema (or the hub) found belongs on the page: which tab, which list row, which field. */

export interface Issue {
  /** Dotted path into the config as the hub reports it (`services.3.queue`), or a section name, or `(root)`. */
  path: string;
  message: string;
}

export const tabIds = ['hall', 'services', 'queues', 'windows', 'staff', 'devices', 'printers', 'rules'] as const;
export type TabId = (typeof tabIds)[number];

/** The config's lists of records, each edited as rows. */
export const listKeys = [
  'queues',
  'services',
  'windows',
  'officers',
  'roster',
  'devices',
  'serialDevices',
  'printers',
] as const;
export type ListKey = (typeof listKeys)[number];

/** Which tab edits each top-level section of the config. */
export const sectionTab: Record<string, TabId> = {
  hall: 'hall',
  services: 'services',
  queues: 'queues',
  windows: 'windows',
  officers: 'staff',
  roster: 'staff',
  devices: 'devices',
  serialDevices: 'devices',
  printers: 'printers',
  callRules: 'rules',
  kiosk: 'rules',
  display: 'rules',
};

export interface IssueTarget {
  tab: TabId;
  section: string;
  /** The list and row the path points into, when it points into a row. */
  list: ListKey | null;
  index: number | null;
}

const isListKey = (s: string): s is ListKey => (listKeys as readonly string[]).includes(s);

/**
 * The tab and row of an issue path. A path outside every section (`(root)`, an unknown key from an
 * imported file) lands on the first tab, where the refusal note lists it; `baseVersion` belongs nowhere.
 */
export function issueTarget(path: string): IssueTarget | null {
  if (path === 'baseVersion') return null;
  const [section = '', second] = path.split('.');
  const tab = sectionTab[section];
  if (tab === undefined) return { tab: 'hall', section, list: null, index: null };
  const list = isListKey(section) ? section : null;
  const index = list !== null && second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
  return { tab, section, list, index };
}

/** How many issues each tab holds (for the badge on the tab). */
export function issueCounts(issues: readonly Issue[]): Record<TabId, number> {
  const counts = Object.fromEntries(tabIds.map((t) => [t, 0])) as Record<TabId, number>;
  for (const issue of issues) {
    const target = issueTarget(issue.path);
    if (target !== null) counts[target.tab] += 1;
  }
  return counts;
}

/** The first issue that names a place on the page: the page switches to it after a refusal. */
export function firstTarget(issues: readonly Issue[]): IssueTarget | null {
  for (const issue of issues) {
    const target = issueTarget(issue.path);
    if (target !== null) return target;
  }
  return null;
}

/** Issues at a field's path or inside it (`windows.2.queues` also shows `windows.2.queues.1`). */
export function issuesUnder(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

/** Issues about a whole section (what the hub's live-safety check reports), shown atop the section. */
export function sectionIssues(issues: readonly Issue[], section: string): Issue[] {
  return issues.filter((i) => i.path === section);
}
