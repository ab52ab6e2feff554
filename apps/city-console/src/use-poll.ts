import { useEffect, useState } from 'react';
import { CityError, cityFetch } from './api/city-fetch.ts';

/** GETs `path` now and every `everyMs` (one request at a time); the last answer and the last error. */
export function usePoll<T>(
  path: string,
  everyMs = 1000,
): { data: T | null; error: CityError | null; at: number | null } {
  const [state, setState] = useState<{ data: T | null; error: CityError | null; at: number | null }>({
    data: null,
    error: null,
    at: null,
  });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ data: null, error: null, at: null });
    const tick = async (): Promise<void> => {
      try {
        const data = await cityFetch<T>(path);
        if (!stopped) setState({ data, error: null, at: Date.now() });
      } catch (e) {
        if (!stopped) setState((s) => ({ ...s, error: e instanceof CityError ? e : new CityError(0, 'X', String(e)) }));
      }
      if (!stopped) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [path, everyMs]);
  return state;
}
