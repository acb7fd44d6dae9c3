import { encodeEvent, type EventMeta, type NewEvent, type Topic } from '@edu/contracts';
import { currentTraceparent } from '@edu/telemetry';
import type { EntityManager } from 'typeorm';

export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_EVENT_ID = 'event-id';
export const HEADER_TRACEPARENT = 'traceparent';

/** Appends events to the outbox inside the caller's transaction: the state change and its events commit together. */
export class OutboxWriter {
  constructor(private readonly producer: string) {}

  async append<T extends Topic>(
    em: EntityManager,
    key: string,
    event: Omit<NewEvent<T>, 'producer'>,
  ): Promise<EventMeta> {
    const { meta, bytes } = encodeEvent({ ...event, producer: this.producer } as NewEvent<T>);
    const headers: Record<string, string> = { [HEADER_EVENT_TYPE]: meta.type, [HEADER_EVENT_ID]: meta.eventId };
    const traceparent = currentTraceparent();
    if (traceparent) headers[HEADER_TRACEPARENT] = traceparent;
    await em.query('INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)', [
      meta.eventId,
      meta.type,
      key,
      Buffer.from(bytes),
      headers,
    ]);
    return meta;
  }
}
