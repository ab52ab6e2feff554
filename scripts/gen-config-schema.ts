/**
 * Writes db/seed/hall-config.schema.json, the JSON Schema of the hall config, from the zod schema
 * `hallConfigSchema` in packages/protocol (the authority). Run `npm run schema` after changing it.
 *
 *   npx tsx scripts/gen-config-schema.ts           write the file
 *   npx tsx scripts/gen-config-schema.ts --check   exit 1 if the file on disk is not what would be written
 *
 * The schema describes the config as written (zod `io: 'input'`): fields with defaults are optional.
 * Cross-references (a service's queue exists, unique ids and prefixes, …) are checked by zod only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { hallConfigSchema } from '../packages/protocol/src/config.ts';

export const schemaPath = fileURLToPath(new URL('../db/seed/hall-config.schema.json', import.meta.url));

const zodOnlyFormats = new Set(['starts_with', 'ends_with', 'includes']);

/** The schema file's exact text: 2-space indent, trailing newline. */
export function renderConfigSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(hallConfigSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // zod marks string checks such as startsWith with a made-up "format" next to the real "pattern";
    // strict validators (ajv) refuse unknown formats, so keep only the pattern.
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === 'string' && zodOnlyFormats.has(jsonSchema.format)) delete jsonSchema.format;
    },
  });
  const doc = {
    $schema,
    title: 'Yichuang hall config',
    description:
      'Generated from hallConfigSchema (packages/protocol/src/config.ts) by scripts/gen-config-schema.ts; do not edit by hand.',
    ...rest,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const wanted = renderConfigSchema();
  const shown = relative(process.cwd(), schemaPath);
  if (!check) {
    writeFileSync(schemaPath, wanted);
    console.log(`wrote ${shown}`);
    return 0;
  }
  let onDisk: string | undefined;
  try {
    onDisk = readFileSync(schemaPath, 'utf8');
  } catch {
    onDisk = undefined;
  }
  if (onDisk === wanted) {
    console.log(`${shown} is up to date`);
    return 0;
  }
  console.error(
    `${shown} ${onDisk === undefined ? 'is missing' : 'is out of date'}: ` +
      'run `npm run schema` (npx tsx scripts/gen-config-schema.ts) and commit the result',
  );
  return 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
