import { encodeEvent, type EventMeta, type NewEvent, type Topic } from '@edu/contracts';
import { currentCorrelationId, currentTraceparent } from '@edu/telemetry';
import type { EntityManager } from 'typeorm';

export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_EVENT_ID = 'event-id';
export const HEADER_TRACEPARENT = 'traceparent';
/** The trace context of the work that wrote the event; `traceparent` itself is rewritten by the producer's span. */
export const HEADER_ORIGIN_TRACEPARENT = 'edu-origin-traceparent';

/** Appends events to the outbox inside the caller's transaction: the state change and its events commit together. */
export class OutboxWriter {
  constructor(private readonly producer: string) {}

  async append<T extends Topic>(
    em: EntityManager,
    key: string,
    event: Omit<NewEvent<T>, 'producer'>,
  ): Promise<EventMeta> {
    const [meta] = await this.appendMany(em, [{ key, event }]);
    return meta;
  }

  /** Appends many events with one statement (a batch consumer's effects). */
  async appendMany<T extends Topic>(
    em: EntityManager,
    items: Array<{ key: string; event: Omit<NewEvent<T>, 'producer'> }>,
  ): Promise<EventMeta[]> {
    if (!items.length) return [];
    const traceparent = currentTraceparent();
    const rows = items.map(({ key, event }) => {
      const correlationId = event.correlationId ?? currentCorrelationId();
      const { meta, bytes } = encodeEvent({ ...event, correlationId, producer: this.producer } as NewEvent<T>);
      const headers: Record<string, string> = { [HEADER_EVENT_TYPE]: meta.type, [HEADER_EVENT_ID]: meta.eventId };
      if (traceparent) headers[HEADER_TRACEPARENT] = headers[HEADER_ORIGIN_TRACEPARENT] = traceparent;
      return { meta, key, payload: Buffer.from(bytes), headers: JSON.stringify(headers) };
    });
    await em.query(
      `INSERT INTO outbox (event_id, topic, key, payload, headers)
       SELECT a, b, c, d, e FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[]) WITH ORDINALITY AS t(a, b, c, d, e, n) ORDER BY n`,
      [rows.map((r) => r.meta.eventId), rows.map((r) => r.meta.type), rows.map((r) => r.key), rows.map((r) => r.payload), rows.map((r) => r.headers)],
    );
    return rows.map((r) => r.meta);
  }
}
