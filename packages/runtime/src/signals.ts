// AbortSignal plumbing: combining the caller's signal with timeouts, and abortable waits.

/**
 * One signal that fires when any of `signals` does. Uses `AbortSignal.any` where the platform has it
 * (Node ≥ 20.3, current browsers); otherwise forwards by listeners.
 */
export function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const live = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (live.length < 2) return live[0];
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(live);
  const controller = new AbortController();
  for (const signal of live) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

/** A controller that aborts itself after `ms` (none when `ms` is undefined); `clear` stops the timer. */
export function timer(ms: number | undefined): { signal?: AbortSignal; clear(): void } {
  if (ms === undefined || !Number.isFinite(ms)) return { clear() {} };
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clearTimeout(id) };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it fires. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const id = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(id);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
