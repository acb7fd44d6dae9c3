/**
 * Runs at most `max` pieces of work at once; the rest wait in order. A freed slot passes straight to the next waiter,
 * so the limit holds even while new callers arrive.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.max) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Memory-hard derivations (scrypt for client secrets, 16 MiB; argon2id for passwords and signing PINs, 19 MiB) share one limit, so a
 * burst of token requests and logins together cannot blow the service's memory.
 */
export const memoryHardWork = new ConcurrencyLimit(2);
