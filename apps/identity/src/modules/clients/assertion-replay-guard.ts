import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';

/** The jti of every accepted client assertion, kept until the assertion expires: each one is good for one use. */
@Injectable()
export class AssertionReplayGuard {
  /** True the first time (client, jti) is seen; false for a replay. */
  async claim(em: EntityManager, clientId: string, jti: string, expiresAt: Date): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO client_assertion_jtis (client_id, jti, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING jti`,
      [clientId, jti, expiresAt],
    );
    return rows.length === 1;
  }

  /** Forgets jtis whose assertions have expired: those would be refused as expired anyway. */
  async purge(em: EntityManager): Promise<number> {
    const [, count] = await em.query('DELETE FROM client_assertion_jtis WHERE expires_at < now()');
    return count;
  }
}
