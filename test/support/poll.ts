/**
 * Polls `probe` until it returns a value that `done` accepts, or fails with the last value seen once the deadline
 * passes. Never a fixed sleep: the interval only paces the probes.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
  throw new Error(
    `timed out waiting for ${opts.what ?? 'condition'}; last value: ${JSON.stringify(last)?.slice(0, 500)}${lastError ? `; last error: ${String(lastError)}` : ''}`,
  );
}
