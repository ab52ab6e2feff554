import { create } from 'zustand';
import type { Ack, ConfigDocument, HallConfig } from '@yichuang/protocol';
import { api } from '../shell/hub-api.ts';
import { useManager } from '../shell/manager-store.ts';
import { sameValue } from './config-diff.ts';
import { ct } from './config-strings.ts';
import {
  addRow,
  moveRow,
  patchRow,
  removeRow,
  savedKeys,
  sendable,
  validateConfig,
  withKeptKeys,
  withoutPins,
  type Draft,
  type Item,
  type RowKeys,
} from './draft-model.ts';
import { firstTarget, listKeys, type Issue, type ListKey, type TabId } from './issue-paths.ts';

/** The running config as the hub last gave it: no PIN hashes, and every device key `KEPT_KEY` (the hub keeps them). */
export interface BaseDoc extends Omit<ConfigDocument, 'config'> {
  config: HallConfig;
}

export interface AppliedChange {
  version: number;
  sections: string[];
  changes: string[];
}

export type Outcome =
  | { kind: 'saved'; version: number; changes: string[] }
  | { kind: 'unchanged'; version: number }
  /** Refused by the schema (VALIDATION_FAILED) or by the live hall (CONFIG_UNSAFE). */
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'stale'; message: string }
  | { kind: 'failed'; message: string };

export interface ConfigState {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
  base: BaseDoc | null;
  draft: HallConfig | null;
  keys: RowKeys;
  tab: TabId;
  selected: Record<ListKey, number>;
  /** The problems shown on the page: the hub's, then the schema's on every edit until they are gone. */
  issues: Issue[];
  checking: boolean;
  outcome: Outcome | null;
  saving: boolean;
  /** A newer version the hub has, seen while this draft had unsaved edits. */
  remoteVersion: number | null;
  /** The session the draft belongs to: another sign-in starts from the running config, not from these edits. */
  owner: string | null;
}

const noKeys = Object.fromEntries(listKeys.map((k) => [k, []])) as unknown as RowKeys;
const noneSelected = Object.fromEntries(listKeys.map((k) => [k, 0])) as Record<ListKey, number>;

export const useConfig = create<ConfigState>()(() => ({
  status: 'loading',
  loadError: null,
  base: null,
  draft: null,
  keys: noKeys,
  tab: 'hall',
  selected: noneSelected,
  issues: [],
  checking: false,
  outcome: null,
  saving: false,
  remoteVersion: null,
  owner: null,
}));

const lang = (): 'zh' | 'en' => useManager.getState().lang;
const keptPins = (base: BaseDoc | null): Set<string> => new Set(base?.config.officers.map((o) => o.id) ?? []);
const keptKeys = (base: BaseDoc | null): Set<string> => new Set(base?.config.devices.map((d) => d.id) ?? []);

/** Whether the draft differs from the running config. */
export function isDirty(s: Pick<ConfigState, 'base' | 'draft'>): boolean {
  return s.base !== null && s.draft !== null && !sameValue(s.draft, withoutPins(s.base.config));
}

/** The running config from the hub, checked to be one this console can edit. */
export async function fetchDoc(): Promise<Ack<BaseDoc>> {
  const res = await api<ConfigDocument>('GET', '/api/config');
  if (!res.ok) return res;
  // Every officer and device the hub sends is saved: their PINs and keys stay in the hub.
  const raw = res.data.config as { officers?: { id: string }[]; devices?: { id: string }[] };
  const ids = (list: { id: string }[] | undefined): Set<string> => new Set((list ?? []).map((x) => x.id));
  const { parsed } = validateConfig(raw, ids(raw.officers), ids(raw.devices));
  if (parsed === null)
    return {
      ok: false,
      error: { code: 'INTERNAL', message: ct(lang(), 'load.unreadable', { version: res.data.version }) },
    };
  // The hub's own copy, not the parse: a field this console does not know yet survives an edit.
  return { ok: true, data: { ...res.data, config: withKeptKeys(res.data.config) as HallConfig } };
}

function adopt(base: BaseDoc, outcome: Outcome | null): void {
  const config = withoutPins(base.config);
  useConfig.setState((s) => ({
    status: 'ready',
    loadError: null,
    base,
    draft: config,
    keys: savedKeys(config),
    issues: [],
    checking: false,
    outcome,
    remoteVersion: null,
    owner: useManager.getState().session?.token ?? null,
    selected: Object.fromEntries(
      listKeys.map((k) => [k, Math.max(0, Math.min(s.selected[k], config[k].length - 1))]),
    ) as Record<ListKey, number>,
  }));
}

/** Read the running config; the draft starts over from it. */
export async function loadConfig(outcome: Outcome | null = null): Promise<void> {
  if (useConfig.getState().base === null) useConfig.setState({ status: 'loading' });
  const res = await fetchDoc();
  if (!res.ok) {
    if (useConfig.getState().base === null) useConfig.setState({ status: 'error', loadError: res.error.message });
    else useConfig.setState({ outcome: { kind: 'failed', message: res.error.message } });
    return;
  }
  adopt(res.data, outcome);
}

/**
 * A newer running version: a clean draft simply follows it. A draft with edits carries on over it when
 * only PINs changed (the draft holds none), and is otherwise told that saving would be refused.
 */
function takeNewer(doc: BaseDoc): void {
  const s = useConfig.getState();
  if (s.base === null || doc.version === s.base.version) return;
  if (!isDirty(s)) adopt(doc, s.outcome);
  else if (sameValue(withoutPins(doc.config), withoutPins(s.base.config))) useConfig.setState({ base: doc });
  else useConfig.setState({ remoteVersion: doc.version });
}

/** The hub sent a new snapshot (a config change from anywhere, or a reconnect). */
export async function followRemote(): Promise<void> {
  const s = useConfig.getState();
  if (s.status !== 'ready' || s.saving || s.base === null) return;
  const res = await fetchDoc();
  if (res.ok && !useConfig.getState().saving) takeNewer(res.data);
}

function setDraft(d: Draft): void {
  useConfig.setState((s) => ({
    draft: d.config,
    keys: d.keys,
    issues: s.checking ? validateConfig(d.config, keptPins(s.base), keptKeys(s.base)).issues : s.issues,
    outcome: s.outcome?.kind === 'saved' || s.outcome?.kind === 'unchanged' ? null : s.outcome,
  }));
}

const current = (): Draft | null => {
  const { draft, keys } = useConfig.getState();
  return draft === null ? null : { config: draft, keys };
};

/** Any edit of the draft that does not add, remove or move rows. */
export function edit(change: (c: HallConfig) => HallConfig): void {
  const d = current();
  if (d !== null) setDraft({ config: change(d.config), keys: d.keys });
}

export function patchItem<K extends ListKey>(list: K, index: number, patch: Partial<Item<K>>): void {
  const d = current();
  if (d !== null) setDraft(patchRow(d, list, index, patch));
}

let newRows = 0;

export function addItem<K extends ListKey>(list: K, item: Item<K>): void {
  const d = current();
  if (d === null) return;
  setDraft(addRow(d, list, item, `n:${++newRows}`));
  select(list, d.config[list].length);
}

export function removeItem(list: ListKey, index: number): void {
  const d = current();
  if (d === null) return;
  setDraft(removeRow(d, list, index));
  const sel = useConfig.getState().selected[list];
  select(list, Math.max(0, sel > index ? sel - 1 : Math.min(sel, d.config[list].length - 2)));
}

export function moveItem(list: ListKey, from: number, to: number): void {
  const d = current();
  if (d === null || to < 0 || to >= d.config[list].length) return;
  setDraft(moveRow(d, list, from, to));
  if (useConfig.getState().selected[list] === from) select(list, to);
}

export function select(list: ListKey, index: number): void {
  useConfig.setState((s) => ({ selected: { ...s.selected, [list]: index } }));
}

export const setTab = (tab: TabId): void => useConfig.setState({ tab });

/** Show where an issue is: its tab, and its row in a list. */
export function goToIssue(issues: readonly Issue[]): void {
  const target = firstTarget(issues);
  if (target === null) return;
  setTab(target.tab);
  if (target.list !== null && target.index !== null) select(target.list, target.index);
}

export function discard(): void {
  const { base } = useConfig.getState();
  if (base !== null) adopt(base, null);
}

/** Send a whole config (the draft, or an imported file) and take in the hub's answer. */
export async function applyConfig(config: unknown): Promise<Ack<AppliedChange>> {
  const s = useConfig.getState();
  if (s.base === null || s.saving) return { ok: false, error: { code: 'INTERNAL', message: ct(lang(), 'save.busy') } };
  useConfig.setState({ saving: true });
  const res = await api<AppliedChange>('POST', '/api/config', {
    baseVersion: s.base.version,
    config: sendable(config),
  });
  const say = useManager.getState().say;
  if (res.ok) {
    const outcome: Outcome =
      res.data.sections.length === 0
        ? { kind: 'unchanged', version: res.data.version }
        : { kind: 'saved', version: res.data.version, changes: res.data.changes };
    await loadConfig(outcome);
    useConfig.setState({ saving: false });
    if (outcome.kind === 'saved') say('ok', ct(lang(), 'save.savedToast', { version: res.data.version }));
    else say('info', ct(lang(), 'save.unchanged', { version: res.data.version }));
    return res;
  }
  useConfig.setState({ saving: false });
  const { code, message, field, issues } = res.error;
  if (code === 'CONFIG_CONFLICT') {
    useConfig.setState({ outcome: { kind: 'stale', message } });
  } else if (code === 'VALIDATION_FAILED' || code === 'CONFIG_UNSAFE') {
    if (config === useConfig.getState().draft) {
      const shown = issues ?? (field === undefined ? [] : [{ path: field, message }]);
      useConfig.setState({ outcome: { kind: 'refused', code, message }, issues: shown, checking: true });
      goToIssue(shown);
    }
  } else {
    useConfig.setState({ outcome: { kind: 'failed', message } });
  }
  say(
    'error',
    code === 'VALIDATION_FAILED'
      ? ct(lang(), 'save.refusedToast', { n: issues?.length ?? 1 })
      : code === 'CONFIG_CONFLICT'
        ? ct(lang(), 'save.staleToast')
        : message,
  );
  return res;
}

export async function saveDraft(): Promise<void> {
  const { draft } = useConfig.getState();
  if (draft !== null) await applyConfig(draft);
}

/** A PIN reset is applied at once by the hub, as a new version the draft carries on over. */
export async function resetPin(officerId: string, pin: string): Promise<Ack<AppliedChange>> {
  const res = await api<AppliedChange>('POST', `/api/officers/${encodeURIComponent(officerId)}/pin`, { pin });
  if (!res.ok) return res;
  const doc = await fetchDoc();
  if (doc.ok) takeNewer(doc.data);
  return res;
}
