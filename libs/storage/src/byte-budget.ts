/**
 * Runs work that holds objects in memory while their bytes together stay within `budget`: many small documents at
 * once, a few large ones, and one larger than the budget alone. Waiters start in arrival order.
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: Array<{ weight: number; start: () => void }> = [];

  constructor(private readonly budget: number) {}

  async run<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    const weight = Math.min(Math.max(bytes, 0), this.budget);
    if (this.waiting.length || this.used + weight > this.budget) await new Promise<void>((start) => this.waiting.push({ weight, start }));
    else this.used += weight;
    try {
      return await work();
    } finally {
      this.used -= weight;
      this.admit();
    }
  }

  private admit(): void {
    while (this.waiting.length && this.used + this.waiting[0].weight <= this.budget) {
      const next = this.waiting.shift()!;
      this.used += next.weight;
      next.start();
    }
  }
}
