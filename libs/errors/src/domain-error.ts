/** Kinds map to transport outcomes: HTTP status on the edge, retry or dead-letter on Kafka. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media'
  | 'unprocessable'
  | 'unavailable';

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export interface ErrorBody {
  code: string;
  message: LocalizedMessage;
  field: string | null;
}

/**
 * The one error type every context throws. `code` is stable (e.g. `INTERCHANGE.SCHEMA_INVALID`);
 * clients may switch on it, so never rename one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly text: LocalizedMessage,
    readonly field: string | null = null,
  ) {
    super(`${code}: ${text.en}${field ? ` (${field})` : ''}`);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.text, field: this.field };
  }
}

/** A permanent failure: retrying the same input can never succeed (goes straight to the DLQ). */
export function isPermanent(err: unknown): boolean {
  return err instanceof DomainError && err.kind !== 'unavailable';
}
