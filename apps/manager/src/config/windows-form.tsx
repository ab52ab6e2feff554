import type { ReactElement } from 'react';
import type { HallConfig, WindowConfig } from '@yichuang/protocol';
import { printerLabel } from '../shell/hall-names.ts';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { CheckField, FieldShell, IdField, NumberField, SelectField, TextField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { MasterDetail } from './master-detail.tsx';
import { referencesTo } from './references.ts';

function QueueChoice({ w, i, config }: { w: WindowConfig; i: number; config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const all = w.queues === 'all';
  const chosen = new Set(all ? [] : w.queues);
  const set = (queues: WindowConfig['queues']): void => patchItem('windows', i, { queues });
  const toggle = (id: string): void => {
    const next = chosen.has(id) ? [...chosen].filter((q) => q !== id) : [...chosen, id];
    // Kept in the queues' own order, so the same choice always reads the same.
    set(
      config.queues
        .map((q) => q.id)
        .filter((q) => next.includes(q))
        .concat(next.filter((q) => !config.queues.some((x) => x.id === q))),
    );
  };
  const unknown = [...chosen].filter((q) => !config.queues.some((x) => x.id === q));
  return (
    <FieldShell label={fl(lang, 'windows.queues')} path={`windows.${i}.queues`} group wide>
      <span className="cfg-radios">
        <label>
          <input type="radio" checked={all} data-testid={`cfg-windows.${i}.queues-all`} onChange={() => set('all')} />
          {ct(lang, 'windows.all')}
        </label>
        <label>
          <input
            type="radio"
            checked={!all}
            data-testid={`cfg-windows.${i}.queues-some`}
            onChange={() => set(config.queues.slice(0, 1).map((q) => q.id))}
          />
          {ct(lang, 'windows.some')}
        </label>
      </span>
      {!all && (
        <span className="cfg-checks">
          {config.queues.map((q) => (
            <label key={q.id} className={`cfg-pick ${chosen.has(q.id) ? 'cfg-pick--on' : ''}`}>
              <input
                type="checkbox"
                checked={chosen.has(q.id)}
                data-testid={`cfg-windows.${i}.queue-${q.id}`}
                onChange={() => toggle(q.id)}
              />
              <b className="m-num">{q.prefix}</b> {q.name}
            </label>
          ))}
          {unknown.map((q) => (
            <label key={q} className="cfg-pick cfg-pick--missing">
              <input type="checkbox" checked onChange={() => toggle(q)} />
              {ct(lang, 'ref.missing', { id: q })}
            </label>
          ))}
        </span>
      )}
    </FieldShell>
  );
}

function WindowDetail({ w, i, config }: { w: WindowConfig; i: number; config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const patch = (p: Partial<WindowConfig>): void => patchItem('windows', i, p);
  const roster = config.roster.find((r) => r.window === w.id);
  const officer = (id: string | undefined): string =>
    id === undefined ? '—' : (config.officers.find((o) => o.id === id)?.name ?? id);
  return (
    <>
      <IdField list="windows" index={i} label={fl(lang, 'windows.id')} value={w.id} onChange={(id) => patch({ id })} />
      <NumberField
        label={fl(lang, 'windows.number')}
        path={`windows.${i}.number`}
        value={w.number}
        min={1}
        max={999}
        hint={ct(lang, 'windows.numberHint')}
        onChange={(number) => patch({ number })}
      />
      <TextField
        label={fl(lang, 'windows.name')}
        path={`windows.${i}.name`}
        value={w.name}
        maxLength={50}
        onChange={(v) => patch({ name: v ?? '' })}
      />
      <SelectField
        label={fl(lang, 'windows.printer')}
        path={`windows.${i}.printer`}
        value={w.printer}
        none={ct(lang, 'windows.noPrinter')}
        options={config.printers.map((p) => ({ value: p.id, label: `${printerLabel(lang, config, p.id)} · ${p.uri}` }))}
        missing={(v) => ct(lang, 'ref.missing', { id: v })}
        hint={ct(lang, 'windows.printerHint')}
        onChange={(printer) => patch({ printer })}
      />
      <CheckField
        label={fl(lang, 'windows.open')}
        path={`windows.${i}.open`}
        checked={w.open}
        hint={ct(lang, 'windows.openHint')}
        onChange={(open) => patch({ open })}
      />
      <CheckField
        label={fl(lang, 'windows.greenChannel')}
        path={`windows.${i}.greenChannel`}
        checked={w.greenChannel}
        hint={ct(lang, 'windows.greenHint')}
        onChange={(greenChannel) => patch({ greenChannel })}
      />
      <QueueChoice w={w} i={i} config={config} />
      <div className="cfg-field--wide cfg-aside">
        {ct(lang, 'windows.roster', { a: officer(roster?.a), b: officer(roster?.b) })}
      </div>
    </>
  );
}

export function WindowsForm({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const served = (w: WindowConfig): string =>
    w.queues === 'all'
      ? ct(lang, 'windows.allShort')
      : w.queues
          .map((q) => {
            const queue = config.queues.find((x) => x.id === q);
            return queue === undefined ? ct(lang, 'ref.missing', { id: q }) : `${queue.prefix} ${queue.name}`;
          })
          .join(lang === 'zh' ? '、' : ', ');
  const add = (): void => {
    const number = Math.max(0, ...config.windows.map((w) => w.number)) + 1;
    const id = config.windows.some((w) => w.id === `w${number}`) ? '' : `w${number}`;
    addItem('windows', {
      id,
      number,
      name: ct('zh', 'windows.defaultName', { n: number }),
      queues: 'all',
      greenChannel: false,
      open: true,
    });
  };
  return (
    <MasterDetail
      list="windows"
      title={ct(lang, 'windows.title')}
      addLabel={ct(lang, 'windows.add')}
      intro={<p className="cfg-intro">{ct(lang, 'windows.intro')}</p>}
      label={(w) => w.name}
      sub={(w) =>
        [
          served(w),
          w.greenChannel ? ct(lang, 'windows.greenShort') : null,
          w.open ? null : ct(lang, 'windows.closedShort'),
        ]
          .filter((x) => x !== null)
          .join(' · ')
      }
      empty={ct(lang, 'windows.empty')}
      deleteText={(w) => (
        <DeleteMessage
          name={w.name || w.id}
          refs={referencesTo(config, 'window', w.id, lang)}
          note={ct(lang, 'windows.deleteNote')}
        />
      )}
      onAdd={add}
      detail={(w, i) => <WindowDetail w={w} i={i} config={config} />}
    />
  );
}
