import type { EntityManager } from '@edu/persistence';

/**
 * Runs a transaction's queries strictly one after another, queued here rather than in the driver, so that a caller
 * may hand over the next query (and do its own work, such as encoding events) while PostgreSQL runs the last one.
 * It stands in for the EntityManager of code that only calls `query`.
 */
export class QueryChain {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly em: EntityManager) {}

  query<R = unknown>(sql: string, params?: unknown[]): Promise<R> {
    const run = this.tail.then(() => this.em.query(sql, params) as Promise<R>);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every query queued so far has finished, failed or not. */
  async idle(): Promise<void> {
    await this.tail;
  }

  asEntityManager(): EntityManager {
    return this as unknown as EntityManager;
  }
}
