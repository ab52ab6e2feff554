import { useMemo, type ReactElement } from 'react';
import type { HallConfig, ServiceConfig } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { addItem, patchItem } from './config-store.ts';
import { DeleteMessage } from './delete-message.tsx';
import { IdField, SelectField, TextAreaField, TextField, CheckField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { MasterDetail } from './master-detail.tsx';
import { StringList } from './string-list.tsx';

/** The half-width ¥ is not in GB18030's double-byte set and misprints: it is replaced as it is typed. */
export const fullWidthYuan = (s: string): string => s.replaceAll('¥', '￥');

/** Suggestions while typing: what other matters already say. */
const LISTS = {
  category: 'cfg-categories',
  timeLimit: 'cfg-time-limits',
  fee: 'cfg-fees',
  department: 'cfg-departments',
} as const;

const distinct = (values: (string | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort((a, b) => a.localeCompare(b, 'zh'));

function ServiceDetail({ s, i, config }: { s: ServiceConfig; i: number; config: HallConfig }): ReactElement {
  const lang = useManager((st) => st.lang);
  const patch = (p: Partial<ServiceConfig>): void => patchItem('services', i, p);
  const suggestions = useMemo(
    () => ({
      category: distinct([...config.services.map((x) => x.category), ...config.queues.map((q) => q.name)]),
      timeLimit: distinct(config.services.map((x) => x.timeLimit)),
      fee: distinct(config.services.map((x) => x.fee)),
      department: distinct(config.services.map((x) => x.department)),
    }),
    [config.services, config.queues],
  );
  const queue = config.queues.find((q) => q.id === s.queue);
  const path = `services.${i}`;
  return (
    <>
      <IdField
        list="services"
        index={i}
        label={fl(lang, 'services.id')}
        value={s.id}
        placeholder="residence-permit"
        onChange={(id) => patch({ id })}
      />
      <TextField
        label={fl(lang, 'services.name')}
        path={`${path}.name`}
        value={s.name}
        maxLength={100}
        onChange={(v) => patch({ name: v ?? '' })}
      />
      <SelectField
        label={fl(lang, 'services.queue')}
        path={`${path}.queue`}
        value={s.queue}
        options={config.queues.map((q) => ({ value: q.id, label: `${q.prefix} · ${q.name}` }))}
        missing={(v) => ct(lang, 'ref.missing', { id: v })}
        hint={ct(lang, 'services.queueHint')}
        onChange={(v) => patch({ queue: v ?? '' })}
      />
      <CheckField
        label={fl(lang, 'services.cityWide')}
        path={`${path}.cityWide`}
        checked={s.cityWide}
        hint={ct(lang, 'services.cityWideHint')}
        onChange={(v) => patch({ cityWide: v })}
      />
      <TextField
        label={fl(lang, 'services.category')}
        path={`${path}.category`}
        value={s.category}
        optional
        maxLength={50}
        list={LISTS.category}
        placeholder={queue?.name}
        hint={ct(lang, 'services.categoryHint')}
        onChange={(v) => patch({ category: v })}
      />
      <TextField
        label={fl(lang, 'services.pinyin')}
        path={`${path}.pinyin`}
        value={s.pinyin}
        optional
        mono
        maxLength={60}
        hint={ct(lang, 'services.pinyinHint')}
        clean={(v) => v.toLowerCase().replace(/[^a-z]/g, '')}
        onChange={(v) => patch({ pinyin: v })}
      />
      <TextField
        label={fl(lang, 'services.timeLimit')}
        path={`${path}.timeLimit`}
        value={s.timeLimit}
        optional
        maxLength={100}
        list={LISTS.timeLimit}
        onChange={(v) => patch({ timeLimit: v })}
      />
      <TextField
        label={fl(lang, 'services.fee')}
        path={`${path}.fee`}
        value={s.fee}
        optional
        maxLength={100}
        list={LISTS.fee}
        hint={ct(lang, 'services.feeHint')}
        clean={fullWidthYuan}
        onChange={(v) => patch({ fee: v })}
      />
      <TextField
        label={fl(lang, 'services.department')}
        path={`${path}.department`}
        value={s.department}
        optional
        maxLength={100}
        list={LISTS.department}
        onChange={(v) => patch({ department: v })}
      />
      <StringList
        label={fl(lang, 'services.materials')}
        path={`${path}.materials`}
        items={s.materials}
        name="materials"
        maxLength={200}
        addLabel={ct(lang, 'services.addMaterial')}
        hint={ct(lang, 'services.materialsHint')}
        onChange={(materials) => patch({ materials })}
      />
      <TextAreaField
        label={fl(lang, 'services.basis')}
        path={`${path}.basis`}
        value={s.basis}
        optional
        wide
        rows={4}
        maxLength={2000}
        onChange={(v) => patch({ basis: v })}
      />
      {(Object.keys(LISTS) as (keyof typeof LISTS)[]).map((k) => (
        <datalist key={k} id={LISTS[k]}>
          {suggestions[k].map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ))}
    </>
  );
}

/** The catalogue: every matter a kiosk offers, in the order it offers them. */
export function ServicesForm({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const queueOf = (id: string): string => {
    const q = config.queues.find((x) => x.id === id);
    return q === undefined ? ct(lang, 'ref.missing', { id }) : `${q.prefix} · ${q.name}`;
  };
  return (
    <MasterDetail
      list="services"
      title={ct(lang, 'services.title')}
      addLabel={ct(lang, 'services.add')}
      intro={<p className="cfg-intro">{ct(lang, 'services.intro')}</p>}
      reorder
      search={(s) => `${s.name} ${s.id} ${s.pinyin ?? ''} ${s.category ?? ''}`}
      label={(s) => s.name}
      sub={(s) => `${queueOf(s.queue)}${s.category !== undefined ? ` · ${s.category}` : ''}`}
      empty={ct(lang, 'services.empty')}
      deleteText={(s) => <DeleteMessage name={s.name || s.id} note={ct(lang, 'services.deleteNote')} />}
      onAdd={() =>
        addItem('services', { id: '', name: '', queue: config.queues[0]?.id ?? '', materials: [], cityWide: false })
      }
      detail={(s, i) => <ServiceDetail s={s} i={i} config={config} />}
    />
  );
}
