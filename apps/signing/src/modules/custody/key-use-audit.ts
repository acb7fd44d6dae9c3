import type { EntityManager } from '@edu/persistence';

export interface KeyUse {
  personId?: string | null;
  keyId?: string | null;
  /** Who acted: a user's or client's token subject, or `system`. */
  actor: string;
  action: 'KEY_REQUESTED' | 'KEY_ROTATION_REQUESTED' | 'KEY_ACTIVATED' | 'KEY_REVOKED' | 'PIN_SET' | 'PIN_CHANGED' | 'PIN_FAILED' | 'PIN_LOCKED' | 'PIN_REFUSED_LOCKED' | 'PIN_UNLOCKED' | 'KEY_UNLOCKED' | 'KEY_USED';
  detail?: Record<string, unknown>;
}

/** Every use of a key in custody and every PIN event, append-only. */
export class KeyUseAudit {
  async record(em: EntityManager, use: KeyUse): Promise<void> {
    await em.query('INSERT INTO key_use_audit (person_id, key_id, actor, action, detail) VALUES ($1, $2, $3, $4, $5)', [
      use.personId ?? null,
      use.keyId ?? null,
      use.actor,
      use.action,
      JSON.stringify(use.detail ?? {}),
    ]);
  }

  async forPerson(em: EntityManager, personId: string, limit = 100): Promise<Array<{ at: string; action: string; keyId: string | null; detail: unknown }>> {
    return em.query(
      `SELECT at, action, key_id AS "keyId", detail FROM key_use_audit WHERE person_id = $1 ORDER BY id DESC LIMIT $2`,
      [personId, limit],
    );
  }
}
