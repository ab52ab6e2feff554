/**
 * The config file in userData. Writes go to a temporary file renamed over the old one, so a
 * power cut mid-write leaves the old config, never half a file; invalid input writes nothing.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SetupForm, SetupSaveResult } from './desktop-api.ts';
import { configFromSetupForm, parseConfigText, serializeConfig, type DesktopConfig } from './desktop-config.ts';
import type { ConfigFile } from './startup-config.ts';

export const CONFIG_FILE_NAME = 'config.json';

export function configPath(userData: string): string {
  return join(userData, CONFIG_FILE_NAME);
}

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  const result = parseConfigText(text);
  if (result.ok) return { kind: 'ok', config: result.config };
  let raw: Record<string, unknown> | null = null;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) raw = json as Record<string, unknown>;
  } catch {
    // Not JSON at all: nothing to prefill.
  }
  return { kind: 'invalid', error: result.error, raw };
}

export function writeConfigFile(path: string, config: DesktopConfig): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeConfig(config), { encoding: 'utf8', mode: 0o600 });
  renameSync(tmp, path);
}

/** Validates the setup form and writes it; on bad input the file is left exactly as it was. */
export function saveSetupForm(
  path: string,
  form: SetupForm,
): { result: SetupSaveResult; config: DesktopConfig | null } {
  const checked = configFromSetupForm(form);
  if (!checked.ok) return { result: { ok: false, error: checked.error }, config: null };
  writeConfigFile(path, checked.config);
  return { result: { ok: true }, config: checked.config };
}
