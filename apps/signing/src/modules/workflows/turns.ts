/**
 * At most `limit` callers run at once; the others wait their turn, first come first served. A batch approval holds
 * its documents' contents, signatures and events in memory until it commits: taking turns keeps a service's memory
 * bounded by a few batches, whatever the number of signers approving at the same moment. Signing is CPU-bound on
 * one thread, so waiting costs no throughput.
 */
export class Turns {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
