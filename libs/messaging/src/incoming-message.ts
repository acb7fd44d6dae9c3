/** A consumed Kafka message as Nest's transport hands it over (values kept binary). */
export interface IncomingMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, unknown>;
  offset: string;
  partition?: number;
}
