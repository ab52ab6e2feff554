import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../apps/hub/src/rest/openapi.ts';
import { routes } from '../../apps/hub/src/rest/route-table.ts';
import { contractPath, renderContract } from '../../scripts/gen-contract.ts';

/** docs/contract.md is the public contract in the repository: it must say what the hub serves. */
describe('docs/contract.md', () => {
  const text = readFileSync(contractPath, 'utf8');

  it('is up to date with the route table and the error codes (npm run contract)', () => {
    expect(renderContract(text)).toBe(text);
  });

  it('lists every path and method of the OpenAPI document', () => {
    const doc = openApiDocument(routes) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(doc.paths))
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{([A-Za-z]+)\}/g, ':$1');
        expect(text, `${method.toUpperCase()} ${url}`).toContain(`\`${method.toUpperCase()} ${url}\``);
      }
  });

  it('names every CLI flag the hub accepts', () => {
    const cli = readFileSync(new URL('../../apps/hub/src/cli.ts', import.meta.url), 'utf8');
    const flags = [...cli.matchAll(/^\s+'?([a-z-]+)'?: \{ type: '(?:string|boolean)'/gm)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(5);
    for (const f of flags.filter((f) => f !== 'help')) expect(text, `--${f}`).toContain(`\`--${f}`);
  });
});
