import { readFileSync } from 'node:fs';
import { hallConfigSchema, type HallConfig } from '@yichuang/protocol';
import type { z } from 'zod';
import { hashPin } from './auth/pin-hash.ts';

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export function formatIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((i) => {
    const at = i.path.map(String);
    // A key the schema does not know is most likely a typo: name the key itself, with its path.
    if (i.code === 'unrecognized_keys')
      return i.keys.map((key) => ({
        path: [...at, key].join('.'),
        message: `未知字段（拼写错误？）/ unknown field "${key}" (a typo?)`,
      }));
    return [{ path: at.join('.') || '(root)', message: i.message }];
  });
}

/**
 * Validate a hall config and hash any plain `pin` (accepted only in demo configs) so that
 * nothing downstream ever sees a PIN in clear.
 */
export function parseHallConfig(raw: unknown, opts: { pinCost?: number } = {}): HallConfig {
  const parsed = hallConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new ConfigError(
      `大厅配置无效 / invalid hall config:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
      issues,
    );
  }
  const config = parsed.data;
  config.officers = config.officers.map(({ pin, ...o }) =>
    pin === undefined ? o : { ...o, pinHash: o.pinHash ?? hashPin(pin, opts.pinCost) },
  );
  return config;
}

export function readHallConfig(file: string, opts: { pinCost?: number } = {}): HallConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`读不到配置文件 / cannot read config ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`配置文件不是有效的 JSON / ${file} is not valid JSON: ${(err as Error).message}`);
  }
  return parseHallConfig(raw, opts);
}
