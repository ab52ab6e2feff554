import { useEffect, useMemo, type ReactElement } from 'react';
import type { HallConfig } from '@yichuang/protocol';
import { useHubStore } from '../shell/hub-hooks.ts';
import { dateTime } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { diffConfigs, type SectionDiff } from './config-diff.ts';
import { ct } from './config-strings.ts';
import { followRemote, loadConfig, setTab, useConfig } from './config-store.ts';
import { DevicesForm } from './devices-form.tsx';
import { withoutPins } from './draft-model.ts';
import { HallForm } from './hall-form.tsx';
import { ExportButton, ImportButton } from './import-export.tsx';
import { issueCounts, sectionTab, tabIds, type TabId } from './issue-paths.ts';
import { PrintersForm } from './printers-form.tsx';
import { QueuesForm } from './queues-form.tsx';
import { RulesForm } from './rules-form.tsx';
import { OutcomeNote, SaveBar } from './save-bar.tsx';
import { ServicesForm } from './services-form.tsx';
import { StaffForm } from './staff-form.tsx';
import { WindowsForm } from './windows-form.tsx';
import './config.css';

const FORMS: Record<TabId, (p: { config: HallConfig }) => ReactElement> = {
  hall: ({ config }) => <HallForm hall={config.hall} />,
  services: ServicesForm,
  queues: QueuesForm,
  windows: WindowsForm,
  staff: StaffForm,
  devices: DevicesForm,
  printers: PrintersForm,
  rules: RulesForm,
};

function Tabs({ diffs }: { diffs: SectionDiff[] }): ReactElement {
  const lang = useManager((s) => s.lang);
  const tab = useConfig((s) => s.tab);
  const issues = useConfig((s) => s.issues);
  const counts = issueCounts(issues);
  const edited = new Set(diffs.map((d) => sectionTab[d.section] ?? 'hall'));
  return (
    <div className="m-tabs cfg-tabs" role="tablist">
      {tabIds.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={tab === id}
          className={`m-tab ${tab === id ? 'm-tab--on' : ''}`}
          data-testid={`tab-${id}`}
          onClick={() => setTab(id)}
        >
          {ct(lang, `tab.${id}`)}
          {counts[id] > 0 && (
            <span
              className="cfg-tab__errors"
              data-testid={`tab-${id}-errors`}
              title={ct(lang, 'tab.errors', { n: counts[id] })}
            >
              {counts[id]}
            </span>
          )}
          {counts[id] === 0 && edited.has(id) && (
            <span className="cfg-tab__edited" title={ct(lang, 'tab.edited')} aria-label={ct(lang, 'tab.edited')} />
          )}
        </button>
      ))}
    </div>
  );
}

/** Who made the running version: an officer by name, else the hub itself. */
function actorName(actor: string, config: HallConfig, lang: 'zh' | 'en'): string {
  if (actor === 'system') return ct(lang, 'page.actor.system');
  const id = actor.startsWith('officer:') ? actor.slice(8) : actor;
  return config.officers.find((o) => o.id === id)?.name ?? id;
}

/** Follow config changes made elsewhere (another console, a live action): the hub sends a new snapshot. */
function useFollowHub(): void {
  const hub = useHubStore();
  useEffect(() => {
    const socket = hub.getState().connection.socket;
    const onSnapshot = (): void => void followRemote();
    socket.on('hub:snapshot', onSnapshot);
    return () => {
      socket.off('hub:snapshot', onSnapshot);
    };
  }, [hub]);
}

export function ConfigPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const status = useConfig((s) => s.status);
  const loadError = useConfig((s) => s.loadError);
  const base = useConfig((s) => s.base);
  const draft = useConfig((s) => s.draft);
  const tab = useConfig((s) => s.tab);
  useFollowHub();

  useEffect(() => {
    // The draft outlives a visit to another page; coming back checks it is still on the running version.
    const s = useConfig.getState();
    if (s.base === null || s.owner !== useManager.getState().session?.token) void loadConfig();
    else void followRemote();
  }, []);

  const diffs = useMemo(
    () => (base === null || draft === null ? [] : diffConfigs(withoutPins(base.config), draft)),
    [base, draft],
  );
  const dirty = diffs.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Chrome before 119 asks only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const Form = FORMS[tab];
  return (
    <section className="m-page cfg-page" data-testid="page-config">
      <div className="cfg-sticky">
        <div className="m-page__head">
          <h1 className="m-page__title">{mt(lang, 'nav.config')}</h1>
          {base !== null && (
            <span className="m-muted cfg-version" data-testid="config-version" data-version={base.version}>
              {ct(lang, 'page.version', {
                version: base.version,
                at: dateTime(base.at, base.config.hall.timezone),
                actor: actorName(base.actor, base.config, lang),
                source: ct(lang, base.source === 'file' ? 'page.source.file' : 'page.source.console'),
              })}
            </span>
          )}
          <span className="m-gap" />
          {status === 'ready' && (
            <>
              <ImportButton />
              <ExportButton />
            </>
          )}
        </div>
        <SaveBar diffs={diffs} />
        {status === 'ready' && <Tabs diffs={diffs} />}
      </div>
      {status === 'loading' && <p className="m-muted">{mt(lang, 'common.loading')}</p>}
      {status === 'error' && (
        <div className="m-note m-note--error cfg-note">
          <span>{ct(lang, 'page.loadFailed', { message: loadError ?? '' })}</span>
          <button type="button" className="m-btn m-btn--small" onClick={() => void loadConfig()}>
            {mt(lang, 'common.retry')}
          </button>
        </div>
      )}
      <OutcomeNote />
      {status === 'ready' && draft !== null && (
        <div className="cfg-body" data-testid={`form-${tab}`}>
          <Form config={draft} />
        </div>
      )}
    </section>
  );
}
