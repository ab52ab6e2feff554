/**
 * The preload of every shell window: sandboxed, so it may only use `electron`'s renderer modules.
 * It gives the page the app version, the role and a diagnostics call, and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ARG_ROLE, ARG_VERSION, IPC, type DesktopDiagnostics, type YichuangDesktopApi } from './desktop-api.ts';
import { isRole } from './roles.ts';

function argument(prefix: string): string {
  const arg = process.argv.find((a) => a.startsWith(prefix));
  return arg === undefined ? '' : arg.slice(prefix.length);
}

const role = argument(ARG_ROLE);

const api = {
  version: argument(ARG_VERSION),
  role: isRole(role) ? role : null,
  diagnostics: () => ipcRenderer.invoke(IPC.diagnostics) as Promise<DesktopDiagnostics>,
} satisfies YichuangDesktopApi;

contextBridge.exposeInMainWorld('yichuangDesktop', api);
