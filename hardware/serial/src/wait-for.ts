import type { LinkStatus } from './serial-link.ts';

/** Resolves once `condition()` is true, checking every `intervalMs`; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves once a device or link reports `status` (at once if it already does). */
export function waitForStatus(
  target: { readonly status: LinkStatus; onStatus(listener: (status: LinkStatus) => void): () => void },
  status: LinkStatus,
  timeoutMs = 5000,
): Promise<void> {
  if (target.status === status) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`still ${target.status} after ${timeoutMs} ms (waiting for ${status})`));
    }, timeoutMs);
    const off = target.onStatus((s) => {
      if (s !== status) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
