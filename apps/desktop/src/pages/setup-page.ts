/**
 * The first-run page: pick the role, type the hub address (and the device key for a kiosk or
 * display), save. The main process validates and writes; this page only shows what it says.
 */
import type { BilingualError, SetupForm, YichuangSetupApi } from '../desktop-api.ts';
import { ROLE_HINTS, ROLE_NAMES, SETUP_TEXT, type Bilingual } from '../desktop-strings.ts';
import { ROLES, isRole, needsDeviceKey } from '../roles.ts';

declare global {
  interface Window {
    yichuangSetup?: YichuangSetupApi;
  }
}

function bilingual(el: Element, text: Bilingual): void {
  const zh = document.createElement('span');
  zh.className = 'zh';
  zh.textContent = text.zh;
  const en = document.createElement('span');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = text.en;
  el.replaceChildren(zh, en);
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

function showError(el: HTMLElement, error: BilingualError | null, prefix?: Bilingual): void {
  el.hidden = error === null;
  if (error === null) return;
  bilingual(el, prefix ? { zh: `${prefix.zh}${error.zh}`, en: `${prefix.en} ${error.en}` } : error);
}

for (const el of document.querySelectorAll('[data-text]')) {
  const key = el.getAttribute('data-text') as keyof typeof SETUP_TEXT;
  if (key in SETUP_TEXT) bilingual(el, SETUP_TEXT[key]);
}

const form = byId<HTMLFormElement>('form');
const hubUrl = byId<HTMLInputElement>('hubUrl');
const deviceKey = byId<HTMLInputElement>('deviceKey');
const deviceKeyField = byId<HTMLElement>('deviceKeyField');
const startAtLogin = byId<HTMLInputElement>('startAtLogin');
const errorBox = byId<HTMLElement>('error');
const save = byId<HTMLButtonElement>('save');
const probeButton = byId<HTMLButtonElement>('probe');
const probeResult = byId<HTMLElement>('probeResult');
hubUrl.placeholder = SETUP_TEXT.hubUrlPlaceholder.zh;

const roles = byId<HTMLElement>('roles');
for (const role of ROLES) {
  const label = document.createElement('label');
  label.className = 'role';
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = 'role';
  input.value = role;
  const name = document.createElement('span');
  name.className = 'role-name';
  bilingual(name, ROLE_NAMES[role]);
  const hint = document.createElement('span');
  hint.className = 'role-hint';
  bilingual(hint, ROLE_HINTS[role]);
  label.append(input, name, hint);
  roles.append(label);
}

function selectedRole(): string {
  return form.querySelector<HTMLInputElement>('input[name=role]:checked')?.value ?? '';
}

function syncRole(): void {
  const role = selectedRole();
  deviceKeyField.hidden = isRole(role) && !needsDeviceKey(role);
}
roles.addEventListener('change', syncRole);

function readForm(): SetupForm {
  return { role: selectedRole(), hubUrl: hubUrl.value, deviceKey: deviceKey.value, startAtLogin: startAtLogin.checked };
}

function focusField(field: string | null): void {
  const target =
    field === 'hubUrl'
      ? hubUrl
      : field === 'deviceKey'
        ? deviceKey
        : field === 'role'
          ? roles.querySelector('input')
          : null;
  target?.focus();
}

async function start(bridge: YichuangSetupApi): Promise<void> {
  const state = await bridge.load();
  const previous = byId<HTMLElement>('previous');
  showError(previous, state.error, SETUP_TEXT.previousError);
  byId<HTMLElement>('configPath').textContent = state.configPath;
  hubUrl.value = state.form.hubUrl;
  deviceKey.value = state.form.deviceKey;
  startAtLogin.checked = state.form.startAtLogin;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name=role]'))
    input.checked = input.value === state.form.role;
  syncRole();

  // A result shown for another address would be a lie.
  hubUrl.addEventListener('input', () => {
    probeResult.replaceChildren();
    probeResult.className = 'probe-result';
  });

  probeButton.addEventListener('click', () => {
    probeResult.textContent = '…';
    probeResult.className = 'probe-result';
    bridge.probe(hubUrl.value).then(
      (r) => {
        bilingual(probeResult, r.ok ? SETUP_TEXT.probeOk : SETUP_TEXT.probeFail);
        probeResult.className = `probe-result ${r.ok ? 'ok' : 'bad'}`;
        if (r.origin) hubUrl.value = r.origin;
      },
      () => bilingual(probeResult, SETUP_TEXT.probeFail),
    );
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    bilingual(save, SETUP_TEXT.saving);
    const done = (): void => {
      save.disabled = false;
      bilingual(save, SETUP_TEXT.save);
    };
    bridge.save(readForm()).then(
      (result) => {
        done();
        showError(errorBox, result.ok ? null : result.error);
        if (!result.ok) focusField(result.error.field);
      },
      (e: unknown) => {
        done();
        showError(errorBox, { code: 'IPC', field: null, zh: '保存失败', en: String(e), message: String(e) });
      },
    );
  });
}

if (window.yichuangSetup) {
  start(window.yichuangSetup).catch((e: unknown) => {
    showError(errorBox, { code: 'LOAD', field: null, zh: '设置页面加载失败', en: String(e), message: String(e) });
  });
}
