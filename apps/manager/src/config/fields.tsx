import type { ReactElement, ReactNode } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { useConfig } from './config-store.ts';
import { isNewRow } from './draft-model.ts';
import { issueText } from './issue-messages.ts';
import { issuesUnder, type ListKey } from './issue-paths.ts';

/** The messages (in the console's language) of the issues at a path or inside it. */
export function useIssuesAt(path: string, exact = false): string[] {
  const lang = useManager((s) => s.lang);
  const issues = useConfig((s) => s.issues);
  const found = exact ? issues.filter((i) => i.path === path) : issuesUnder(issues, path);
  return found.map((i) => issueText(lang, i.message));
}

interface ShellProps {
  label: ReactNode;
  /** The config path this field edits: its problems are shown under it. */
  path: string;
  hint?: ReactNode;
  /** Spans the whole row of a form grid. */
  wide?: boolean;
  /** A group of inputs (checkboxes, a list) is a div, a single input a label. */
  group?: boolean;
  /** In a table row: the label is there for screen readers, the column head says it for the eye. */
  bare?: boolean;
  /** Only the issues at this very path: its lines show their own. */
  exact?: boolean;
  children: ReactNode;
}

export function FieldShell(p: ShellProps): ReactElement {
  const errors = useIssuesAt(p.path, p.exact);
  const className = `m-field cfg-field ${errors.length > 0 ? 'm-field--error' : ''} ${p.wide ? 'cfg-field--wide' : ''} ${p.bare ? 'cfg-field--bare' : ''}`;
  const body = (
    <>
      <span className="cfg-field__label">{p.label}</span>
      {p.children}
      {p.hint !== undefined && <span className="cfg-field__hint">{p.hint}</span>}
      {errors.map((e, i) => (
        <span key={i} className="m-field__error" data-testid={`error-${p.path}`}>
          {e}
        </span>
      ))}
    </>
  );
  return p.group ? (
    <div className={className} data-path={p.path}>
      {body}
    </div>
  ) : (
    <label className={className} data-path={p.path}>
      {body}
    </label>
  );
}

interface TextProps extends Omit<ShellProps, 'children' | 'group' | 'exact'> {
  value: string | undefined;
  /** An optional field left empty is left out of the config (the schema's "not set"). */
  onChange: (value: string | undefined) => void;
  optional?: boolean;
  maxLength?: number;
  placeholder?: string;
  readOnly?: boolean;
  mono?: boolean;
  list?: string;
  /** A numeric keypad on touch screens (times, PINs). */
  numeric?: boolean;
  /** Applied while typing (upper-casing a prefix, the full-width ￥). */
  clean?: (raw: string) => string;
}

export function TextField(p: TextProps): ReactElement {
  return (
    <FieldShell label={p.label} path={p.path} hint={p.hint} wide={p.wide} bare={p.bare}>
      <input
        data-testid={`cfg-${p.path}`}
        type="text"
        inputMode={p.numeric ? 'numeric' : undefined}
        className={p.mono ? 'cfg-mono' : undefined}
        value={p.value ?? ''}
        maxLength={p.maxLength}
        placeholder={p.placeholder}
        readOnly={p.readOnly}
        list={p.list}
        spellCheck={false}
        onChange={(e) => {
          const v = p.clean === undefined ? e.target.value : p.clean(e.target.value);
          p.onChange(p.optional && v.trim() === '' ? undefined : v);
        }}
      />
    </FieldShell>
  );
}

export function TextAreaField(
  p: Omit<TextProps, 'numeric' | 'list' | 'mono' | 'clean'> & { rows?: number },
): ReactElement {
  return (
    <FieldShell label={p.label} path={p.path} hint={p.hint} wide={p.wide} bare={p.bare}>
      <textarea
        data-testid={`cfg-${p.path}`}
        rows={p.rows ?? 3}
        value={p.value ?? ''}
        maxLength={p.maxLength}
        placeholder={p.placeholder}
        onChange={(e) => p.onChange(p.optional && e.target.value.trim() === '' ? undefined : e.target.value)}
      />
    </FieldShell>
  );
}

interface NumberProps extends Omit<ShellProps, 'children' | 'group' | 'exact'> {
  value: number | undefined;
  /** Empty is `undefined`: a required number is then reported as missing, a defaulted one takes its default. */
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
}

export function NumberField(p: NumberProps): ReactElement {
  return (
    <FieldShell label={p.label} path={p.path} hint={p.hint} wide={p.wide} bare={p.bare}>
      <span className="cfg-number">
        <input
          data-testid={`cfg-${p.path}`}
          type="number"
          value={p.value ?? ''}
          min={p.min}
          max={p.max}
          step={p.step ?? 1}
          onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.valueAsNumber)}
        />
        {p.unit !== undefined && <span className="cfg-number__unit">{p.unit}</span>}
      </span>
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectProps extends Omit<ShellProps, 'children' | 'group' | 'exact'> {
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
  /** The label of "none" for an optional reference (no printer, no B officer). */
  none?: string;
  /** How a value that is not among the options (a queue since removed) is shown, so it can be seen and fixed. */
  missing?: (value: string) => string;
}

export function SelectField(p: SelectProps): ReactElement {
  const known = p.value === undefined || p.options.some((o) => o.value === p.value);
  return (
    <FieldShell label={p.label} path={p.path} hint={p.hint} wide={p.wide} bare={p.bare}>
      <select
        data-testid={`cfg-${p.path}`}
        value={p.value ?? ''}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {p.none !== undefined && <option value="">{p.none}</option>}
        {p.none === undefined && p.value === undefined && <option value="" />}
        {!known && p.value !== undefined && (
          <option value={p.value}>{p.missing === undefined ? p.value : p.missing(p.value)}</option>
        )}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckProps {
  label: ReactNode;
  path: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

export function CheckField(p: CheckProps): ReactElement {
  const errors = useIssuesAt(p.path);
  return (
    <div className={`cfg-check ${errors.length > 0 ? 'cfg-check--error' : ''}`} data-path={p.path}>
      <label className="cfg-check__box">
        <input
          type="checkbox"
          data-testid={`cfg-${p.path}`}
          checked={p.checked}
          onChange={(e) => p.onChange(e.target.checked)}
        />
        <span>{p.label}</span>
      </label>
      {p.hint !== undefined && <span className="cfg-field__hint">{p.hint}</span>}
      {errors.map((e, i) => (
        <span key={i} className="m-field__error" data-testid={`error-${p.path}`}>
          {e}
        </span>
      ))}
    </div>
  );
}

/** A read-only value shown like a field (a saved row's id, the hall's id). */
export function FixedField(p: {
  label: ReactNode;
  path: string;
  value: string;
  hint?: ReactNode;
  bare?: boolean;
}): ReactElement {
  return (
    <FieldShell label={p.label} path={p.path} hint={p.bare ? undefined : p.hint} group bare={p.bare}>
      <span className="cfg-fixed cfg-mono" data-testid={`cfg-${p.path}`}>
        {p.value}
      </span>
    </FieldShell>
  );
}

interface IdProps {
  list: ListKey;
  index: number;
  value: string;
  onChange: (id: string) => void;
  label: ReactNode;
  placeholder?: string;
  bare?: boolean;
}

/**
 * A row's id is typed once, when the row is new: after saving, tickets, the roster and devices refer to
 * it, so it is shown but no longer edited (delete and add to really rename).
 */
export function IdField(p: IdProps): ReactElement {
  const lang = useManager((s) => s.lang);
  const fresh = useConfig((s) => isNewRow(s.keys[p.list][p.index]));
  const path = `${p.list}.${p.index}.id`;
  if (!fresh)
    return <FixedField label={p.label} path={path} value={p.value} hint={ct(lang, 'id.fixed')} bare={p.bare} />;
  return (
    <TextField
      label={p.label}
      path={path}
      value={p.value}
      mono
      maxLength={64}
      placeholder={p.placeholder}
      bare={p.bare}
      hint={p.bare ? undefined : ct(lang, 'id.hint')}
      clean={(v) => v.replace(/\s/g, '')}
      onChange={(v) => p.onChange(v ?? '')}
    />
  );
}
