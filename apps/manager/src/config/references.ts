import type { HallConfig } from '@yichuang/protocol';
import { deviceLabel, serialLabel, windowLabel } from '../shell/hall-names.ts';
import type { Lang } from '../shell/make-strings.ts';

export type RefKind = 'queue' | 'printer' | 'window' | 'officer';

export interface RefGroup {
  /** The section that still names the thing. */
  section: 'services' | 'windows' | 'devices' | 'roster' | 'serialDevices';
  /** Name (or id) of each row that names it. */
  names: string[];
}

/**
 * What still refers to a queue, printer, window or officer: said before it is deleted, because the
 * schema would refuse the config until those references are changed too.
 */
export function referencesTo(c: HallConfig, kind: RefKind, id: string, lang: Lang = 'zh'): RefGroup[] {
  const groups: RefGroup[] = [];
  const push = (section: RefGroup['section'], names: string[]): void => {
    if (names.length > 0) groups.push({ section, names });
  };
  if (kind === 'queue') {
    push(
      'services',
      c.services.filter((s) => s.queue === id).map((s) => s.name || s.id),
    );
    push(
      'windows',
      c.windows.filter((w) => w.queues !== 'all' && w.queues.includes(id)).map((w) => w.name || w.id),
    );
  }
  if (kind === 'printer') {
    push(
      'windows',
      c.windows.filter((w) => w.printer === id).map((w) => w.name || w.id),
    );
    push(
      'devices',
      c.devices.filter((d) => d.printer === id).map((d) => deviceLabel(lang, c, d.id)),
    );
  }
  if (kind === 'window') {
    push(
      'roster',
      c.roster.filter((r) => r.window === id).map((r) => windowLabel(lang, c, r.window)),
    );
    push(
      'devices',
      c.devices
        .filter((d) => d.window === id || (d.windows?.includes(id) ?? false))
        .map((d) => deviceLabel(lang, c, d.id)),
    );
    push(
      'serialDevices',
      c.serialDevices.filter((d) => d.window === id).map((d) => serialLabel(lang, c, d.id)),
    );
  }
  if (kind === 'officer') {
    const windowName = (w: string): string => c.windows.find((x) => x.id === w)?.name ?? w;
    push(
      'roster',
      c.roster.filter((r) => r.a === id || r.b === id).map((r) => windowName(r.window)),
    );
  }
  return groups;
}
