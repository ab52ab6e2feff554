import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { sameValue } from './config-diff.ts';
import { ct } from './config-strings.ts';
import { moveItem, removeItem, select, useConfig } from './config-store.ts';
import { isNewRow, withoutPins, type Item } from './draft-model.ts';
import { issuesUnder, sectionIssues, type ListKey } from './issue-paths.ts';
import { issueText } from './issue-messages.ts';
import { RowTools } from './list-tools.tsx';

const NO_ROWS: never[] = [];

export interface MasterDetailProps<K extends ListKey> {
  list: K;
  title: string;
  addLabel: string;
  onAdd: () => void;
  /** The row's name in the list and atop its form. */
  label: (item: Item<K>, index: number) => string;
  /** A second line (queue, kind, number…). */
  sub?: (item: Item<K>, index: number) => ReactNode;
  /** Order matters (the kiosk shows matters in this order): rows can be moved. */
  reorder?: boolean;
  /** Text the filter box searches; a long list (the catalogue) gets one. */
  search?: (item: Item<K>) => string;
  /** The confirmation before a row is deleted (mention what still refers to it). */
  deleteText: (item: Item<K>) => ReactNode;
  detail: (item: Item<K>, index: number) => ReactNode;
  empty: string;
  /** Something to say above the list (the section's hint). */
  intro?: ReactNode;
}

/** A list on the left, the chosen row's form on the right: for sections whose rows have many fields. */
export function MasterDetail<K extends ListKey>(p: MasterDetailProps<K>): ReactElement {
  const lang = useManager((s) => s.lang);
  const rows = useConfig((s) => (s.draft?.[p.list] ?? NO_ROWS) as Item<K>[]);
  const keys = useConfig((s) => s.keys[p.list]);
  const selected = useConfig((s) => s.selected[p.list]);
  const issues = useConfig((s) => s.issues);
  const base = useConfig((s) => s.base);
  const [filter, setFilter] = useState('');
  const saved = useMemo(() => (base === null ? [] : (withoutPins(base.config)[p.list] as Item<K>[])), [base, p.list]);

  const q = filter.trim().toLowerCase();
  const shown = rows
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => q === '' || p.search === undefined || p.search(item).toLowerCase().includes(q));
  const index = Math.min(selected, rows.length - 1);
  const current = rows[index];
  const general = sectionIssues(issues, p.list);

  return (
    <div className="cfg-md" data-testid={`md-${p.list}`}>
      <div className="m-card cfg-md__list">
        <div className="m-card__head">
          <span className="m-card__title">{p.title}</span>
          <span className="m-chip">{rows.length}</span>
          <span className="m-gap" />
          <button type="button" className="m-btn m-btn--small" data-testid={`add-${p.list}`} onClick={p.onAdd}>
            + {p.addLabel}
          </button>
        </div>
        {p.intro}
        {p.search !== undefined && rows.length > 8 && (
          <input
            className="m-input cfg-md__filter"
            placeholder={ct(lang, 'list.filter')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            data-testid={`filter-${p.list}`}
          />
        )}
        <ol className="cfg-md__rows">
          {shown.map(({ item, index: i }) => {
            const key = keys[i] ?? `${i}`;
            const fresh = isNewRow(key);
            const was = fresh ? undefined : saved[Number(key.slice(2))];
            const changed = !fresh && was !== undefined && !sameValue(was, item);
            const bad = issuesUnder(issues, `${p.list}.${i}`).length > 0;
            return (
              <li key={key}>
                <button
                  type="button"
                  className={`cfg-md__row ${i === index ? 'cfg-md__row--on' : ''} ${bad ? 'cfg-md__row--bad' : ''}`}
                  data-testid={`row-${p.list}-${i}`}
                  onClick={() => select(p.list, i)}
                >
                  {p.reorder && <span className="cfg-md__n m-num">{i + 1}</span>}
                  <span className="cfg-md__text">
                    <span className="cfg-md__label">{p.label(item, i) || ct(lang, 'list.unnamed')}</span>
                    {p.sub !== undefined && <span className="cfg-md__sub">{p.sub(item, i)}</span>}
                  </span>
                  {bad && <span className="cfg-mark cfg-mark--bad">{ct(lang, 'mark.problem')}</span>}
                  {fresh && <span className="cfg-mark cfg-mark--new">{ct(lang, 'mark.new')}</span>}
                  {changed && <span className="cfg-mark cfg-mark--changed">{ct(lang, 'mark.changed')}</span>}
                </button>
              </li>
            );
          })}
        </ol>
        {rows.length === 0 && <p className="m-muted">{p.empty}</p>}
      </div>
      <div className="m-card cfg-md__detail">
        {general.map((g, i) => (
          <div key={i} className="m-note m-note--error">
            {issueText(lang, g.message)}
          </div>
        ))}
        {current === undefined ? (
          <p className="m-muted">{p.empty}</p>
        ) : (
          <>
            <div className="m-card__head cfg-md__head">
              <span className="m-card__title" data-testid={`detail-${p.list}`}>
                {p.label(current, index) || ct(lang, 'list.unnamed')}
              </span>
              <span className="m-gap" />
              <RowTools
                name={p.list}
                index={index}
                count={rows.length}
                onMove={p.reorder && q === '' ? (to) => moveItem(p.list, index, to) : undefined}
                onRemove={() => removeItem(p.list, index)}
                confirm={p.deleteText(current)}
              />
            </div>
            <div className="cfg-form" key={keys[index]}>
              {p.detail(current, index)}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
