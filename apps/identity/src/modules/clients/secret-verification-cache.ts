import { createHash } from 'node:crypto';

/**
 * Remembers for a short while that a secret matched a stored hash, so a client that asks for tokens often costs a
 * SHA-256 instead of a 16 MiB scrypt each time. Entries are keyed by a hash of (client id, secret, stored hash): a
 * rotated or different stored hash can never match an old entry, and rotation or disabling also forgets the client's
 * entries at once. Only digests are kept; client secrets are 256 random bits, so a digest gives nothing away.
 */
export class SecretVerificationCache {
  private readonly entries = new Map<string, { clientId: string; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  static key(clientId: string, secret: string, storedHash: string): string {
    return createHash('sha256').update(JSON.stringify([clientId, secret, storedHash])).digest('base64url');
  }

  has(key: string, now = Date.now()): boolean {
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return true;
    if (entry) this.entries.delete(key);
    return false;
  }

  remember(key: string, clientId: string, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    // Maps iterate in insertion order: when full, the oldest entry goes.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { clientId, until: now + this.ttlMs });
  }

  forget(clientId: string): void {
    for (const [key, entry] of this.entries) if (entry.clientId === clientId) this.entries.delete(key);
  }
}
