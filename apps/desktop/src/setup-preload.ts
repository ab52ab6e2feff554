/** The preload of the local first-run page only: load the form, test the hub, save. */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type SetupForm, type SetupSaveResult, type SetupState, type YichuangSetupApi } from './desktop-api.ts';

const api = {
  load: () => ipcRenderer.invoke(IPC.setupLoad) as Promise<SetupState>,
  save: (form: SetupForm) => ipcRenderer.invoke(IPC.setupSave, form) as Promise<SetupSaveResult>,
  probe: (hubUrl: string) =>
    ipcRenderer.invoke(IPC.setupProbe, hubUrl) as Promise<{ ok: boolean; origin: string | null }>,
} satisfies YichuangSetupApi;

contextBridge.exposeInMainWorld('yichuangSetup', api);
