import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { randomUUID } from 'node:crypto';
import { EnvelopeSchema } from './gen/edu/events/v1/envelope_pb.js';
import { EVENT_SCHEMAS, type EventPayload, type EventPayloadInit, type EventSchemas } from './event-map.js';
import { isUuid, uuidv7 } from './uuidv7.js';
import type { Topic } from './topics.js';

export interface EventMeta {
  eventId: string;
  type: Topic;
  occurredAt: Date;
  correlationId: string;
  causationId: string;
  producer: string;
}

export interface DecodedEvent<T extends Topic> {
  meta: EventMeta;
  payload: EventPayload<T>;
}

export interface NewEvent<T extends Topic> {
  type: T;
  payload: EventPayloadInit<T>;
  producer: string;
  correlationId?: string;
  causationId?: string;
}

/** Builds the envelope bytes of a new event; returns them with the generated metadata. */
export function encodeEvent<T extends Topic>(event: NewEvent<T>): { meta: EventMeta; bytes: Uint8Array } {
  const meta: EventMeta = {
    eventId: uuidv7(),
    type: event.type,
    occurredAt: new Date(),
    correlationId: event.correlationId ?? randomUUID(),
    causationId: event.causationId ?? '',
    producer: event.producer,
  };
  return { meta, bytes: encodeEnvelope(meta, event.payload) };
}

/** The envelope bytes of an event whose metadata is already set (another form of the same event). */
export function encodeEnvelope<T extends Topic>(meta: EventMeta & { type: T }, payload: EventPayloadInit<T>): Uint8Array {
  const schema = EVENT_SCHEMAS[meta.type] as EventSchemas[T];
  const envelope = create(EnvelopeSchema, {
    ...meta,
    occurredAt: timestampFromDate(meta.occurredAt),
    payload: toBinary(schema, create(schema, payload as never)),
  });
  return toBinary(EnvelopeSchema, envelope);
}

/** Parses envelope bytes received on `topic`; throws on garbage or a type that does not match the topic. */
export function decodeEvent<T extends Topic>(topic: T, bytes: Uint8Array): DecodedEvent<T> {
  const envelope = fromBinary(EnvelopeSchema, bytes);
  if (envelope.type !== topic) throw new Error(`event type ${envelope.type || '(empty)'} does not match topic ${topic}`);
  if (!isUuid(envelope.eventId)) throw new Error(`event id ${JSON.stringify(envelope.eventId)} is not a UUID`);
  const payload = fromBinary(EVENT_SCHEMAS[topic], envelope.payload) as EventPayload<T>;
  return {
    meta: {
      eventId: envelope.eventId,
      type: topic,
      occurredAt: envelope.occurredAt ? timestampDate(envelope.occurredAt) : new Date(0),
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      producer: envelope.producer,
    },
    payload,
  };
}
