import type { ReactElement, ReactNode } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { moveItem, removeItem, replaceItem } from './draft-model.ts';
import { FieldShell, useIssuesAt } from './fields.tsx';
import { RowTools } from './list-tools.tsx';

interface LineProps {
  path: string;
  value: string;
  index: number;
  count: number;
  name: string;
  maxLength: number;
  placeholder?: string;
  onChange: (value: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function Line(p: LineProps): ReactElement {
  const lang = useManager((s) => s.lang);
  const errors = useIssuesAt(p.path);
  return (
    <li className={`cfg-lines__line ${errors.length > 0 ? 'm-field--error' : ''}`}>
      <span className="cfg-lines__n m-num">{p.index + 1}</span>
      <span className="cfg-lines__input">
        <input
          className="m-input"
          value={p.value}
          maxLength={p.maxLength}
          placeholder={p.placeholder}
          data-testid={`cfg-${p.path}`}
          onChange={(e) => p.onChange(e.target.value)}
        />
        {errors.map((e, i) => (
          <span key={i} className="m-field__error" data-testid={`error-${p.path}`}>
            {e}
          </span>
        ))}
      </span>
      <RowTools
        name={p.name}
        index={p.index}
        count={p.count}
        onMove={p.onMove}
        onRemove={p.onRemove}
        confirm={p.value.trim() === '' ? undefined : ct(lang, 'lines.deleteConfirm', { text: p.value })}
      />
    </li>
  );
}

interface StringListProps {
  label: ReactNode;
  /** The list's path (`services.3.materials`); line n is `path.n`. */
  path: string;
  items: string[];
  onChange: (items: string[]) => void;
  addLabel: string;
  /** For test ids. */
  name: string;
  maxLength: number;
  max?: number;
  hint?: ReactNode;
  placeholder?: string;
}

/** An ordered list of lines (a matter's materials, the display's notices): add, edit, move, delete. */
export function StringList(p: StringListProps): ReactElement {
  const lang = useManager((s) => s.lang);
  const full = p.max !== undefined && p.items.length >= p.max;
  return (
    <FieldShell label={p.label} path={p.path} hint={p.hint} group wide exact>
      {p.items.length === 0 && <span className="m-muted">{ct(lang, 'lines.none')}</span>}
      <ol className="cfg-lines">
        {p.items.map((item, i) => (
          <Line
            key={i}
            path={`${p.path}.${i}`}
            value={item}
            index={i}
            count={p.items.length}
            name={p.name}
            maxLength={p.maxLength}
            placeholder={p.placeholder}
            onChange={(v) => p.onChange(replaceItem(p.items, i, v))}
            onMove={(to) => p.onChange(moveItem(p.items, i, to))}
            onRemove={() => p.onChange(removeItem(p.items, i))}
          />
        ))}
      </ol>
      <span className="cfg-inline">
        <button
          type="button"
          className="m-btn m-btn--small"
          disabled={full}
          data-testid={`add-${p.name}`}
          onClick={() => p.onChange([...p.items, ''])}
        >
          + {p.addLabel}
        </button>
        {full && <span className="m-muted">{ct(lang, 'lines.full', { max: p.max ?? 0 })}</span>}
      </span>
    </FieldShell>
  );
}
