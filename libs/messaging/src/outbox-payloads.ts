/**
 * The payloads this process appended to its outbox, kept for its relay until they are published. The relay then reads
 * only each row's metadata from PostgreSQL, and a row's payload there only when it is not here: written by another
 * process or before a restart, or dropped for room. An event id's payload never changes, so a remembered payload is
 * the stored one; those of rolled-back transactions are never asked for and leave, oldest first, as room is needed.
 * Reading a signed record's ~45 KB back cost PostgreSQL a detoast and a base64 encoding, and the relay a 60 KB string.
 */
export class OutboxPayloads {
  private readonly byEventId = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  remember(eventId: string, payload: Buffer): void {
    if (payload.length > this.maxBytes) return;
    this.drop(eventId);
    this.byEventId.set(eventId, payload);
    this.bytes += payload.length;
    for (const oldest of this.byEventId.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  /** The payload, forgotten once handed out: a batch that fails to publish reads it from PostgreSQL next time. */
  take(eventId: string): Buffer | undefined {
    const payload = this.byEventId.get(eventId);
    this.drop(eventId);
    return payload;
  }

  get size(): { events: number; bytes: number } {
    return { events: this.byEventId.size, bytes: this.bytes };
  }

  private drop(eventId: string): void {
    const payload = this.byEventId.get(eventId);
    if (!payload) return;
    this.byEventId.delete(eventId);
    this.bytes -= payload.length;
  }
}
