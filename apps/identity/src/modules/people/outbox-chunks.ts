import type { NewEvent, Topic } from '@edu/contracts';
import type { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { setImmediate } from 'node:timers/promises';
import { QueryChain } from './query-chain.js';

/** Events per outbox statement: big enough to amortise the round trip, small enough to keep the encoded batch light. */
const EVENTS_PER_STATEMENT = 1_000;

type ToEvent<R, T extends Topic> = (row: R) => { key: string; event: Omit<NewEvent<T>, 'producer'> };

/** Marks a promise as handled now; whoever awaits it later still sees its failure. */
const handled = <P>(p: Promise<P>): Promise<P> => {
  p.catch(() => undefined);
  return p;
};

/**
 * Appends one event per row of `select`, read through a cursor a statement's worth at a time, so memory stays flat
 * however many rows changed. Encoding is the costly part and happens here, so it is overlapped with the database:
 * while PostgreSQL inserts one batch into the outbox, this process encodes the next (at most two batches in hand).
 * Returns the number of events appended; `onProgress` hears the running total.
 */
export async function appendFromQuery<R, T extends Topic>(
  outbox: OutboxWriter,
  em: EntityManager,
  select: string,
  toEvent: ToEvent<R, T>,
  onProgress: (appended: number) => unknown = () => undefined,
): Promise<number> {
  const chain = new QueryChain(em);
  let appended = 0;
  try {
    await chain.query(`DECLARE announced NO SCROLL CURSOR FOR ${select}`);
    const fetch = () => handled(chain.query<R[]>(`FETCH ${EVENTS_PER_STATEMENT} FROM announced`));
    let next = fetch();
    let inflight: Promise<unknown> = Promise.resolve();
    for (let rows = await next; rows.length; rows = await next) {
      next = fetch();
      const batch = handled(outbox.appendMany(chain.asEntityManager(), rows.map(toEvent)));
      await inflight;
      inflight = batch;
      appended += rows.length;
      await onProgress(appended);
    }
    await inflight;
    await chain.query('CLOSE announced');
  } finally {
    await chain.idle(); // on failure, nothing may still run on the connection when the caller rolls back
  }
  return appended;
}

/** Waits for every promise; fails with the first failure once all have settled (so none still runs). */
async function settled(work: Array<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Runs `writes` and appends one event per row of `announced` for keys numbered 1 to `keys`, a chunk of keys at a
 * time (every statement takes the chunk's first and last number as $1 and $2). The statements are queued so that
 * PostgreSQL always has work: while it writes chunk k, reads chunk k+1 and inserts chunk k's events, this process
 * encodes the events of chunk k (encoding is the costly part of an event), so the two cores work together instead of
 * in turn. At most two chunks are in hand. Returns the number of events appended.
 */
export async function writeAndAnnounce<R, T extends Topic>(
  outbox: OutboxWriter,
  em: EntityManager,
  plan: { keys: number; keysPerChunk: number; writes: readonly string[]; announced: string; toEvent: ToEvent<R, T> },
  onProgress: (appended: number) => unknown = () => undefined,
): Promise<number> {
  const chain = new QueryChain(em);
  const range = (first: number) => [first, first + plan.keysPerChunk - 1];
  let appended = 0;
  try {
    let rows = plan.keys > 0 ? await chain.query<R[]>(plan.announced, range(1)) : [];
    let previous: Array<Promise<unknown>> = [];
    for (let first = 1; first <= plan.keys; first += plan.keysPerChunk) {
      const work = plan.writes.map((sql) => handled(chain.query(sql, range(first))));
      const next = first + plan.keysPerChunk <= plan.keys ? handled(chain.query<R[]>(plan.announced, range(first + plan.keysPerChunk))) : null;
      for (let i = 0; i < rows.length; i += EVENTS_PER_STATEMENT) {
        work.push(handled(outbox.appendMany(chain.asEntityManager(), rows.slice(i, i + EVENTS_PER_STATEMENT).map(plan.toEvent))));
        await setImmediate(); // lets the chain hand PostgreSQL its next statement between two batches
      }
      await settled(previous);
      previous = work;
      appended += rows.length;
      await onProgress(appended);
      rows = next ? await next : [];
    }
    await settled(previous);
  } finally {
    await chain.idle(); // on failure, nothing may still run on the connection when the caller rolls back
  }
  return appended;
}
