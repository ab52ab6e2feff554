/**
 * Start at login. Windows and macOS use `app.setLoginItemSettings`; Electron has no such thing on
 * Linux, where the freedesktop way is a `.desktop` entry in `~/.config/autostart`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUTOSTART_FILE = 'yichuang-desktop.desktop';

/** Quotes an Exec path per the desktop entry spec (AppImage paths often hold spaces). */
function quoteExec(path: string): string {
  return /[\s"'\\$`]/.test(path) ? `"${path.replace(/(["\\$`])/g, '\\$1')}"` : path;
}

export function linuxAutostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=一窗 Yichuang',
    'Comment=一窗 hall screen (kiosk, counter, display, manager or guide tablet)',
    `Exec=${quoteExec(execPath)}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** Writes or removes the autostart entry under `configHome` (XDG_CONFIG_HOME or ~/.config). */
export function syncLinuxAutostart(configHome: string, enabled: boolean, execPath: string): string {
  const dir = join(configHome, 'autostart');
  const file = join(dir, AUTOSTART_FILE);
  if (enabled) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, linuxAutostartEntry(execPath), 'utf8');
  } else {
    rmSync(file, { force: true });
  }
  return file;
}
