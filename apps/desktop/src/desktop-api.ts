/**
 * What the shell's preloads expose to pages, and the IPC channels behind them. Shared by main,
 * preloads and the local pages; imports nothing, so a hub app may import the types too.
 */
import type { Role } from './roles.ts';

export const IPC = {
  diagnostics: 'yichuang:diagnostics',
  setupLoad: 'yichuang:setup:load',
  setupSave: 'yichuang:setup:save',
  setupProbe: 'yichuang:setup:probe',
} as const;

/** Passed to every renderer through `additionalArguments`, read by the sandboxed preload from `process.argv`. */
export const ARG_ROLE = '--yichuang-role=';
export const ARG_VERSION = '--yichuang-version=';

export interface DesktopDiagnostics {
  version: string;
  role: Role | null;
  electron: string;
  chrome: string;
  platform: string;
  hubOrigin: string | null;
  /** The page shown now: `hub` or the local offline page. */
  showing: 'hub' | 'offline' | 'setup' | 'none';
  uptimeS: number;
  /** Renderer crashes and hangs within the current relaunch window. */
  recentFailures: number;
  offlineAttempt: number;
}

/** `window.yichuangDesktop` on every page of a shell window. */
export interface YichuangDesktopApi {
  readonly version: string;
  readonly role: Role | null;
  diagnostics(): Promise<DesktopDiagnostics>;
}

export interface SetupForm {
  role: string;
  hubUrl: string;
  deviceKey: string;
  startAtLogin: boolean;
}

export interface BilingualError {
  code: string;
  field: string | null;
  zh: string;
  en: string;
  /** `zh / en`, for logs and single-line places. */
  message: string;
}

export interface SetupState {
  form: SetupForm;
  /** Why setup is shown, when the existing config file could not be used. */
  error: BilingualError | null;
  configPath: string;
}

export type SetupSaveResult = { ok: true } | { ok: false; error: BilingualError };

/** `window.yichuangSetup` on the local first-run page only. */
export interface YichuangSetupApi {
  load(): Promise<SetupState>;
  save(form: SetupForm): Promise<SetupSaveResult>;
  probe(hubUrl: string): Promise<{ ok: boolean; origin: string | null }>;
}
