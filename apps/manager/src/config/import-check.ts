import type { HallConfig } from '@yichuang/protocol';
import { diffConfigs, type SectionDiff } from './config-diff.ts';
import { validateConfig, withoutPins } from './draft-model.ts';
import type { Issue } from './issue-paths.ts';

export type ImportCheck =
  | { kind: 'not-json'; reason: string }
  /** `config` is the file's content, so the issues can name its rows. */
  | { kind: 'invalid'; issues: Issue[]; config: unknown }
  | {
      kind: 'ok';
      /** Sent as it is: the hub hashes plain PINs and keeps the PIN of an officer (the key of a device) given none. */
      config: unknown;
      diffs: SectionDiff[];
      /** Officers (name or id) whose PIN the file sets anew. */
      pinChanges: string[];
      /** The file's hall id when it is not this hall's. */
      otherHall: string | null;
    };

/** What importing a file would do, before anything is sent: nothing changes until the manager applies it. */
export function checkImport(text: string, running: HallConfig): ImportCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { kind: 'not-json', reason: (err as Error).message };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { kind: 'not-json', reason: 'the file holds no JSON object' };
  const { issues, parsed } = validateConfig(
    raw,
    new Set(running.officers.map((o) => o.id)),
    new Set(running.devices.map((d) => d.id)),
  );
  if (parsed === null) return { kind: 'invalid', issues, config: raw };

  const fileOfficers = (raw as { officers: { id: string; pin?: string; pinHash?: string }[] }).officers;
  const pinChanges = fileOfficers
    .filter((o) => {
      const was = running.officers.find((r) => r.id === o.id);
      if (was === undefined) return false;
      return o.pin !== undefined || (o.pinHash !== undefined && o.pinHash !== was.pinHash);
    })
    .map((o) => parsed.officers.find((p) => p.id === o.id)?.name ?? o.id);
  const diffs = diffConfigs(withoutPins(running), withoutPins(parsed));
  return {
    kind: 'ok',
    config: raw,
    diffs,
    pinChanges,
    otherHall: parsed.hall.id === running.hall.id ? null : parsed.hall.id,
  };
}
