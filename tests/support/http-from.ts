import { request } from 'node:http';

/**
 * A JSON request from a chosen local address (127.0.0.2, 127.0.0.3 … all reach a hub on 127.0.0.1), so a
 * test can be two machines of the hall's network: the hub sees each as its own client address.
 */
export function apiFrom(
  from: string,
  url: string,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<{ status: number; body: any }> {
  const target = new URL(path, url);
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        localAddress: from,
        headers: {
          ...(text === undefined ? {} : { 'content-type': 'application/json' }),
          ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data === '' ? null : JSON.parse(data) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
