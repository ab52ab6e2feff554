import {
  actorLabel,
  fail,
  type Ack,
  type Actor,
  type ConfigDocument,
  type DomainError,
  type HallConfig,
} from '@yichuang/protocol';
import { fileConfinementProblem } from '@yichuang/printer';
import { revokeTokens } from '../auth/tokens.ts';
import type { CommandBus } from '../command-bus.ts';
import { ConfigError, parseHallConfig } from '../config-loader.ts';
import { appendEvents } from '../store/event-log.ts';
import type { Db } from '../store/open-db.ts';
import { describeChanges, type ConfigChanges } from './config-diff.ts';
import { liveSafetyProblem } from './config-safety.ts';
import { keepSecrets, trivialPins, withoutSecrets } from './config-secrets.ts';
import { dropRemovedWindows, insertConfig, latestConfig, type StoredConfig } from './config-versions.ts';

export interface LiveConfigOptions {
  db: Db;
  bus: CommandBus;
  clock: () => number;
  log: (line: string) => void;
  /** What the running hall makes of a stored config (the demo's --always-open hours). */
  adjust: (config: HallConfig) => HallConfig;
  /** After a change is committed: devices, printers and screens follow. */
  onApplied: (config: HallConfig, sections: string[]) => void;
  pinCost?: number;
  /** Where `file:` printers may write (the data directory); a live edit may not point one elsewhere. */
  fileRoot?: string;
}

export interface AppliedChange extends ConfigChanges {
  version: number;
}

/**
 * The config the hub starts with: the stored one, unless the file on disk is new or was edited since
 * (then the file wins, and that is an event of its own). A fresh database starts from the file.
 */
export function resolveStartupConfig(
  db: Db,
  file: HallConfig,
  fileHash: string,
  now: number,
  log: (line: string) => void,
): StoredConfig {
  const stored = latestConfig(db);
  if (stored !== null && stored.fileHash === fileHash) {
    if (stored.source === 'console')
      log(`using the hall config as last edited in the console (version ${stored.version})`);
    return { ...stored, config: parseHallConfig(stored.config) };
  }
  return db
    .transaction(() => {
      const at = now;
      const version = insertConfig(db, { at, actor: 'system', source: 'file', fileHash, config: file });
      if (stored !== null) {
        log(`the config file changed: it replaces the stored config (version ${stored.version} → ${version})`);
        const { sections, changes } = describeChanges(stored.config, file);
        appendEvents(
          db,
          [{ type: 'config:changed', at, payload: { version, source: 'file', sections, changes } }],
          'system',
          null,
        );
      }
      return { version, at, actor: 'system', source: 'file' as const, fileHash, config: file };
    })
    .immediate();
}

/** Edits of the running hall's config: validated, checked against the live hall, stored, applied. */
export class LiveConfig {
  private readonly o: LiveConfigOptions;
  private stored: StoredConfig;

  constructor(o: LiveConfigOptions, startup: StoredConfig) {
    this.o = o;
    this.stored = startup;
  }

  /**
   * The running config as stored (before the demo's adjustments), for the console and export, without
   * its secrets: no PIN hash and no device key ever leaves the hub (see keepSecrets for the way back).
   */
  document(): ConfigDocument {
    const { version, at, actor, source, config } = this.stored;
    return { version, at, actor, source, config: withoutSecrets(config) };
  }

  get config(): HallConfig {
    return this.stored.config;
  }

  /** A whole new config (the console's forms, or an imported JSON file). */
  replace(raw: unknown, baseVersion: number, actor: Actor): Ack<AppliedChange> {
    if (baseVersion !== this.stored.version)
      return {
        ok: false,
        error: fail(
          'CONFIG_CONFLICT',
          `配置已被修改（当前版本 ${this.stored.version}），请刷新后重试 / the config changed meanwhile (now version ${this.stored.version}): reload and retry`,
          'baseVersion',
        ),
      };
    const trivial = trivialPins(raw);
    if (trivial !== null) return { ok: false, error: trivial };
    let next: HallConfig;
    try {
      next = parseHallConfig(keepSecrets(raw, this.stored.config), { pinCost: this.o.pinCost });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const first = err.issues[0];
      const listed = err.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
      return {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: `配置无效 / invalid config: ${listed.join('; ')}${err.issues.length > 5 ? ' …' : ''}`,
          ...(first === undefined ? {} : { field: first.path }),
          issues: err.issues,
        },
      };
    }
    const unsafePrinter = this.filePrinterProblem(next);
    if (unsafePrinter !== null) return { ok: false, error: unsafePrinter };
    return this.commit(next, actor);
  }

  /** A small change from a live action (a window's queues, open or closed, the notice line, a PIN). */
  patch(change: (config: HallConfig) => HallConfig, actor: Actor): Ack<AppliedChange> {
    return this.replace(change(structuredClone(this.stored.config)), this.stored.version, actor);
  }

  /**
   * A `file:` printer added or moved by a live edit must write under the data directory (checked again at
   * every write; one the config file already had is left to that check, so other edits still go through).
   */
  private filePrinterProblem(next: HallConfig): DomainError | null {
    const root = this.o.fileRoot;
    if (root === undefined) return null;
    const before = new Map(this.stored.config.printers.map((p) => [p.id, p.uri]));
    const issues = next.printers.flatMap((p, i) => {
      if (!p.uri.toLowerCase().startsWith('file:') || before.get(p.id) === p.uri) return [];
      const problem = fileConfinementProblem(p.uri, root);
      return problem === null ? [] : [{ path: `printers.${i}.uri`, message: problem }];
    });
    if (issues.length === 0) return null;
    return {
      code: 'VALIDATION_FAILED',
      message: `文件打印机只能写入数据目录 ${root} / file printers may write only under the data directory: ${issues[0]!.message}`,
      field: issues[0]!.path,
      issues,
    };
  }

  private commit(next: HallConfig, actor: Actor): Ack<AppliedChange> {
    const { bus, db } = this.o;
    const problem = liveSafetyProblem(bus.state, next);
    if (problem !== null) return { ok: false, error: problem };
    const { sections, changes } = describeChanges(this.stored.config, next);
    if (sections.length === 0) return { ok: true, data: { version: this.stored.version, sections, changes } };

    const at = this.o.clock();
    const label = actorLabel(actor);
    let version = 0;
    const committed = bus.reconfigure(this.o.adjust(next), label, () => {
      version = insertConfig(db, { at, actor: label, source: 'console', fileHash: this.stored.fileHash, config: next });
      dropRemovedWindows(db, next);
      for (const id of this.revoked(next)) revokeTokens(db, id);
      return { type: 'config:changed', at, payload: { version, source: 'console', sections, changes } };
    });
    if (committed === null)
      return { ok: false, error: fail('INTERNAL', '保存配置失败，请重试 / could not save the config, retry') };
    this.stored = { version, at, actor: label, source: 'console', fileHash: this.stored.fileHash, config: next };
    this.o.log(`config version ${version} by ${label}: ${changes.join('; ')}`);
    this.o.onApplied(next, sections);
    return { ok: true, data: { version, sections, changes } };
  }

  /** Officers removed, or whose PIN changed: their sessions end. */
  private revoked(next: HallConfig): string[] {
    const after = new Map(next.officers.map((o) => [o.id, o]));
    return this.stored.config.officers
      .filter((o) => after.get(o.id)?.pinHash !== o.pinHash || after.get(o.id)?.role !== o.role)
      .map((o) => o.id);
  }
}
