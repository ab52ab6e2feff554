/**
 * Which config the shell starts with: the file in userData, overridden by command-line flags or
 * environment variables (so an installer or a shortcut can preset a machine), or the setup page.
 */
import type { BilingualError, SetupForm } from './desktop-api.ts';
import { setupFormFrom, validateConfig, type DesktopConfig } from './desktop-config.ts';

export interface Overrides {
  values: Partial<Record<'role' | 'hubUrl' | 'deviceKey', string>> & { startAtLogin?: boolean };
  /** `--setup`: show the setup page even when the config is fine. */
  setup: boolean;
}

/** What was found in the config file. `raw` keeps what could be read, to prefill the setup form. */
export type ConfigFile =
  | { kind: 'missing' }
  | { kind: 'ok'; config: DesktopConfig }
  | { kind: 'invalid'; error: BilingualError; raw: Record<string, unknown> | null };

export type Startup =
  | { mode: 'run'; config: DesktopConfig; save: boolean }
  | { mode: 'setup'; form: SetupForm; error: BilingualError | null };

const FLAGS = { '--role': 'role', '--hub-url': 'hubUrl', '--device-key': 'deviceKey' } as const;
const ENV = { YICHUANG_ROLE: 'role', YICHUANG_HUB_URL: 'hubUrl', YICHUANG_DEVICE_KEY: 'deviceKey' } as const;

function parseBool(text: string): boolean | undefined {
  if (/^(1|true|yes|on)$/i.test(text)) return true;
  if (/^(0|false|no|off)$/i.test(text)) return false;
  return undefined;
}

/** Flags win over the environment, which wins over the file. Accepts `--flag=value` and `--flag value`. */
export function parseOverrides(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Overrides {
  const values: Overrides['values'] = {};
  for (const [name, key] of Object.entries(ENV)) {
    const v = env[name];
    if (v !== undefined && v !== '') values[key] = v;
  }
  const envLogin = env.YICHUANG_START_AT_LOGIN;
  if (envLogin !== undefined) {
    const b = parseBool(envLogin);
    if (b !== undefined) values.startAtLogin = b;
  }
  let setup = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--setup') setup = true;
    else if (arg === '--start-at-login') values.startAtLogin = true;
    else if (arg === '--no-start-at-login') values.startAtLogin = false;
    else {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (!(name in FLAGS)) continue;
      const key = FLAGS[name as keyof typeof FLAGS];
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value !== undefined) values[key] = value;
    }
  }
  return { values, setup };
}

function hasValues(o: Overrides): boolean {
  return Object.keys(o.values).length > 0;
}

/**
 * A valid file runs as it is. Flags run on top of it for this start only; when there is no file
 * yet and the flags make a complete config, it is saved so the setup page never shows. A bad file
 * is never overwritten here: the setup page shows why, and only a valid save replaces it.
 */
export function resolveStartup(file: ConfigFile, overrides: Overrides): Startup {
  const base: Record<string, unknown> =
    file.kind === 'ok' ? { ...file.config } : file.kind === 'invalid' ? { ...(file.raw ?? {}) } : {};
  const merged = { ...base, ...overrides.values };

  if (overrides.setup) return { mode: 'setup', form: setupFormFrom(merged), error: null };
  if (!hasValues(overrides)) {
    if (file.kind === 'ok') return { mode: 'run', config: file.config, save: false };
    if (file.kind === 'missing') return { mode: 'setup', form: setupFormFrom(null), error: null };
    return { mode: 'setup', form: setupFormFrom(file.raw), error: file.error };
  }
  const checked = validateConfig(merged);
  if (!checked.ok) return { mode: 'setup', form: setupFormFrom(merged), error: checked.error };
  return { mode: 'run', config: checked.config, save: file.kind === 'missing' };
}
