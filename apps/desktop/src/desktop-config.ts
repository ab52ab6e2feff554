/**
 * The shell's config: which role this machine plays and where the hub is. Parsed and validated
 * here with no file or electron access, so every bad input has a test and a bilingual message.
 */
import { z } from 'zod';
import type { BilingualError, SetupForm } from './desktop-api.ts';
import { CONFIG_ERRORS, fill, type Bilingual } from './desktop-strings.ts';
import { ROLES, needsDeviceKey, type Role } from './roles.ts';

export const CONFIG_VERSION = 1;

export interface DesktopConfig {
  version: typeof CONFIG_VERSION;
  role: Role;
  /** The hub's origin, normalised: `http://192.168.1.10:8080`. */
  hubUrl: string;
  /** Only kept for roles that need one. */
  deviceKey?: string;
  /** Unset means the role's default: on for kiosk and display, off for desktops officers use. */
  startAtLogin?: boolean;
}

export type ConfigResult = { ok: true; config: DesktopConfig } | { ok: false; error: BilingualError };

function error(
  code: keyof typeof CONFIG_ERRORS,
  field: string | null,
  values: Record<string, string> = {},
): BilingualError {
  const text: Bilingual = CONFIG_ERRORS[code];
  const zh = fill(text.zh, values);
  const en = fill(text.en, values);
  return { code, field, zh, en, message: `${zh} / ${en}` };
}

/**
 * Accepts `host:port` without a scheme (people type it that way) and returns the origin, or an
 * error code. A path, query, or user name is refused rather than dropped: it is a sign that the
 * address was copied from somewhere else and probably points at the wrong thing.
 */
export function normalizeHubUrl(
  raw: string,
): { ok: true; origin: string } | { ok: false; code: 'hubUrl' | 'hubUrlPath' | 'hubUrlMissing' } {
  const text = raw.trim();
  if (text === '') return { ok: false, code: 'hubUrlMissing' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, code: 'hubUrl' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'hubUrl' };
  if (url.hostname === '') return { ok: false, code: 'hubUrl' };
  if (url.username !== '' || url.password !== '') return { ok: false, code: 'hubUrlPath' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '')
    return { ok: false, code: 'hubUrlPath' };
  return { ok: true, origin: url.origin };
}

const schema = z.strictObject({
  version: z.number().optional(),
  role: z.enum(ROLES),
  hubUrl: z.string(),
  deviceKey: z.string().optional(),
  startAtLogin: z.boolean().optional(),
});

const FIELD_ERRORS: Record<string, keyof typeof CONFIG_ERRORS> = {
  role: 'role',
  hubUrl: 'hubUrl',
  deviceKey: 'deviceKey',
  startAtLogin: 'startAtLogin',
};

/** Validates a parsed config (from the file, the setup form, or flags) and normalises it. */
export function validateConfig(input: unknown): ConfigResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, error: error('notObject', null) };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys')
      return { ok: false, error: error('unknownField', null, { names: issue.keys.join(', ') }) };
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : null;
    if (field === 'hubUrl' && (input as { hubUrl?: unknown }).hubUrl === undefined)
      return { ok: false, error: error('hubUrlMissing', 'hubUrl') };
    if (field === 'version') return { ok: false, error: error('invalid', 'version') };
    const code = field !== null ? FIELD_ERRORS[field] : undefined;
    return { ok: false, error: error(code ?? 'invalid', field) };
  }
  const { version, role, hubUrl, deviceKey, startAtLogin } = parsed.data;
  if (version !== undefined && version > CONFIG_VERSION) return { ok: false, error: error('versionTooNew', 'version') };
  if (version !== undefined && version !== CONFIG_VERSION) return { ok: false, error: error('invalid', 'version') };

  const hub = normalizeHubUrl(hubUrl);
  if (!hub.ok) return { ok: false, error: error(hub.code, 'hubUrl') };

  const config: DesktopConfig = { version: CONFIG_VERSION, role, hubUrl: hub.origin };
  if (needsDeviceKey(role)) {
    const key = (deviceKey ?? '').trim();
    if (key === '') return { ok: false, error: error('deviceKeyMissing', 'deviceKey') };
    // The hub reads keys as `Bearer \S+`, 8 to 200 characters (packages/protocol config schema).
    if (!/^\S{8,200}$/.test(key)) return { ok: false, error: error('deviceKey', 'deviceKey') };
    config.deviceKey = key;
  }
  if (startAtLogin !== undefined) config.startAtLogin = startAtLogin;
  return { ok: true, config };
}

/** Parses the config file's text. */
export function parseConfigText(text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: error('notJson', null) };
  }
  return validateConfig(json);
}

export function serializeConfig(config: DesktopConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The setup form sends strings; an empty device key means none. */
export function configFromSetupForm(form: SetupForm): ConfigResult {
  const input: Record<string, unknown> = {
    version: CONFIG_VERSION,
    role: form.role,
    hubUrl: form.hubUrl,
    startAtLogin: form.startAtLogin,
  };
  if (form.deviceKey.trim() !== '') input.deviceKey = form.deviceKey;
  return validateConfig(input);
}

export function effectiveStartAtLogin(config: DesktopConfig): boolean {
  return config.startAtLogin ?? needsDeviceKey(config.role);
}

/** Values shown in the setup form: the current config, or whatever could be read from a bad one. */
export function setupFormFrom(partial: Partial<Record<keyof DesktopConfig, unknown>> | null): SetupForm {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    role: str(partial?.role),
    hubUrl: str(partial?.hubUrl),
    deviceKey: str(partial?.deviceKey),
    startAtLogin: typeof partial?.startAtLogin === 'boolean' ? partial.startAtLogin : true,
  };
}
