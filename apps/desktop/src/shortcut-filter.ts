/**
 * Which keys a shell window swallows before the page sees them. Locked roles (kiosk, display)
 * lose every key that reloads, leaves, prints, zooms or opens tools; officers' windows only lose
 * the developer tools. One chord quits a locked window, for the technician with a keyboard.
 */
import type { Role } from './roles.ts';
import { isLockedRole } from './roles.ts';

/** The fields of Electron's `Input` the filter reads. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type ShortcutAction = 'allow' | 'swallow' | 'admin-quit';

const LOCKED_PLAIN_KEYS = new Set([
  'F5', // reload
  'F11', // leave full screen
  'F12', // devtools
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
]);
/** With Ctrl (Cmd on macOS): reload, close, print, zoom, new window/tab, open, save, view source, find, quit. */
const LOCKED_MOD_KEYS = new Set(['r', 'w', 'p', 'n', 't', 'o', 's', 'u', 'f', 'q', 'l', '+', '=', '-', '_', '0']);
const LOCKED_MOD_CODES = new Set(['NumpadAdd', 'NumpadSubtract', 'Numpad0', 'F4']);
/** Ctrl+Shift+I/J/C and Cmd+Alt+I/J/C: the developer tools and its inspector. */
const DEVTOOLS_KEYS = new Set(['i', 'j', 'c']);

function isDevtools(input: KeyInput, key: string): boolean {
  if (input.key === 'F12') return true;
  if (!DEVTOOLS_KEYS.has(key)) return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}

export function shortcutAction(input: KeyInput, role: Role): ShortcutAction {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.control || input.meta;

  if (isDevtools(input, key)) return 'swallow';
  if (!isLockedRole(role)) return 'allow';

  if (mod && input.alt && input.shift && input.code === 'KeyQ')
    return input.type === 'keyDown' ? 'admin-quit' : 'swallow';
  if (LOCKED_PLAIN_KEYS.has(input.key)) return 'swallow';
  // Alt+F4 and Alt+Left/Right: close and history. Alt+F4 is only catchable where the OS lets it through.
  if (input.alt && (input.key === 'F4' || input.key === 'ArrowLeft' || input.key === 'ArrowRight')) return 'swallow';
  if (mod && (LOCKED_MOD_KEYS.has(key) || LOCKED_MOD_CODES.has(input.code))) return 'swallow';
  return 'allow';
}
