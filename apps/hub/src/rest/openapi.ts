import { z } from 'zod';
import { PROTOCOL_VERSION, errorBodySchema } from '@yichuang/protocol';
import type { RouteSpec } from './route-table.ts';

/** OpenAPI 3.1 document built from the same route table the hub serves. */
export function openApiDocument(routes: RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = z.toJSONSchema(errorBodySchema);
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      security: r.auth === 'anyone' ? [] : [{ bearer: [] }],
      'x-roles': r.auth === 'anyone' ? ['anyone'] : r.auth,
      ...(r.scope === undefined ? {} : { 'x-scope': r.scope }),
      parameters: [...params, ...queryParameters(r)],
      ...(r.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: z.toJSONSchema(r.body, { unrepresentable: 'any', io: 'input' }) },
              },
            },
          }),
      responses: {
        [String(r.status ?? 200)]: { description: 'success' },
        '4XX': { description: 'error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '一窗 Yichuang hub API', version: PROTOCOL_VERSION },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

/** The query string's fields as OpenAPI parameters (all optional strings unless the schema says otherwise). */
function queryParameters(r: RouteSpec): Record<string, unknown>[] {
  if (r.query === undefined) return [];
  const json = z.toJSONSchema(r.query, { unrepresentable: 'any', io: 'input' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}
