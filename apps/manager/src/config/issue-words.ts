import type { Lang } from '../shell/make-strings.ts';
import type { SectionDiff } from './config-diff.ts';
import { ct, type ConfigKey } from './config-strings.ts';
import { fieldLabel } from './field-strings.ts';

const SECTIONS = new Set([
  'hall',
  'services',
  'queues',
  'windows',
  'officers',
  'roster',
  'devices',
  'serialDevices',
  'printers',
  'callRules',
  'kiosk',
  'display',
]);

/** A section's name in the page's words, or the key itself for one this console does not know. */
export function sectionName(lang: Lang, section: string): string {
  return SECTIONS.has(section) ? ct(lang, `section.${section}` as ConfigKey) : section;
}

type Row = { name?: unknown; id?: unknown; window?: unknown };

/**
 * Where an issue is, in words: `业务事项「居住证办理」› 所属队列`, `大厅与时间 › 开放时间 第 1 条 › 结束`.
 * `config` is what was checked, so a row is named as the manager sees it.
 */
export function issuePlace(lang: Lang, path: string, config: unknown): string {
  if (path === '(root)') return '';
  const parts = path.split('.');
  const section = parts[0] ?? '';
  const words = [sectionName(lang, section)];
  const fields: string[] = [];
  let node: unknown = (config as Record<string, unknown> | null)?.[section];
  for (const [n, part] of parts.slice(1).entries()) {
    if (/^\d+$/.test(part)) {
      const index = Number(part);
      const row = (Array.isArray(node) ? node[index] : undefined) as Row | string | undefined;
      node = row;
      if (n === 0) {
        const name =
          typeof row === 'object' && row !== null
            ? [row.name, row.id, row.window].find((x): x is string => typeof x === 'string' && x !== '')
            : undefined;
        words[0] += name !== undefined ? `「${name}」` : ` ${ct(lang, 'issue.row', { n: index + 1 })}`;
      } else words.push(ct(lang, 'issue.line', { n: index + 1 }));
      continue;
    }
    fields.push(part);
    node = (node as Record<string, unknown> | undefined)?.[part];
    words.push(fieldLabel(lang, [section, ...fields].join('.')) ?? part);
  }
  return words.join(' › ');
}

/** "新增 1、修改 2、调整顺序" for one section of a diff. */
export function diffWords(lang: Lang, d: SectionDiff): string {
  if (d.kind === 'object') return ct(lang, 'diff.edited');
  const parts: string[] = [];
  if (d.added.length > 0) parts.push(ct(lang, 'diff.added', { n: d.added.length }));
  if (d.removed.length > 0) parts.push(ct(lang, 'diff.removed', { n: d.removed.length }));
  if (d.changed.length > 0) parts.push(ct(lang, 'diff.changed', { n: d.changed.length }));
  if (d.reordered) parts.push(ct(lang, 'diff.reordered'));
  return parts.join(lang === 'zh' ? '、' : ', ');
}
