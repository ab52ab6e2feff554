const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Answer {
  status: number;
  body: any;
}

/**
 * REST as a hall's screens use it through a hub crash: a request that gets no answer (the hub was
 * killed) is sent again, with the same requestId, until the hub answers; the first answer of a
 * requestId is the one that counts, so a retried command is never applied twice.
 */
export class SoakClient {
  retries = 0;
  private readonly base: () => string;

  constructor(base: () => string) {
    this.base = base;
  }

  async send(method: 'GET' | 'POST', path: string, body?: unknown, bearer?: string): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(this.base() + path, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        if (res.status >= 500) throw new Error(`HTTP ${res.status}: ${text}`);
        return { status: res.status, body: text === '' ? null : JSON.parse(text) };
      } catch (err) {
        if (attempt > 400) throw err;
        this.retries++;
        await sleep(Math.min(500, 20 * 2 ** Math.min(attempt, 5)));
      }
    }
  }
}
