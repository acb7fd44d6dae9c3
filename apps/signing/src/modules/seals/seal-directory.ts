import type { EntityManager } from '@edu/persistence';

export type SealKeyStatus = 'PENDING' | 'ACTIVE' | 'RETIRED' | 'REVOKED';

export interface Organisation {
  code: string;
  name: string;
  level: string;
  status: string;
}

export interface SealKey {
  keyId: string;
  orgCode: string;
  status: SealKeyStatus;
  envelope: string;
  publicKeyPem: string;
  certificatePem: string | null;
  chainPem: string[];
  serialHex: string | null;
  notAfter: Date | null;
}

export interface Activation {
  keyId: string;
  orgCode: string;
  certificatePem: string;
  chainPem: string[];
  serialHex: string;
  notAfter: Date;
}

export interface SealStatus {
  org: string;
  name: string;
  status: SealKeyStatus | 'NONE';
  serial: string | null;
  notAfter: string | null;
}

/**
 * The organisations signing knows and the seal keys it holds. Every method runs on the caller's EntityManager, so
 * inside a consumer the writes commit with the inbox row and the outbox events.
 */
export class SealDirectory {
  async upsertOrganisation(em: EntityManager, org: Organisation): Promise<void> {
    await em.query(
      `INSERT INTO organisations (code, name, level, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, status = EXCLUDED.status, updated_at = now()`,
      [org.code, org.name, org.level, org.status],
    );
  }

  /**
   * True when the organisation has a key that signs now or will once certified, or whose seal was revoked: a revoked
   * seal is replaced only when an operator asks for a new one, never as a side effect of an organisation update.
   */
  async hasSealKey(em: EntityManager, orgCode: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM seal_keys WHERE org_code = $1 AND status IN ('PENDING', 'ACTIVE', 'REVOKED') LIMIT 1`, [orgCode]);
    return rows.length > 0;
  }

  async hasPendingKey(em: EntityManager, orgCode: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM seal_keys WHERE org_code = $1 AND status = 'PENDING'`, [orgCode]);
    return rows.length > 0;
  }

  async findOrganisation(em: EntityManager, code: string): Promise<Organisation | null> {
    const rows: Organisation[] = await em.query('SELECT code, name, level, status FROM organisations WHERE code = $1', [code]);
    return rows[0] ?? null;
  }

  async insertPendingKey(em: EntityManager, key: { keyId: string; orgCode: string; envelope: string; publicKeyPem: string }): Promise<void> {
    await em.query(
      `INSERT INTO seal_keys (key_id, org_code, status, key_envelope, public_key_pem) VALUES ($1, $2, 'PENDING', $3, $4)`,
      [key.keyId, key.orgCode, key.envelope, key.publicKeyPem],
    );
  }

  async findKey(em: EntityManager, keyId: string): Promise<SealKey | null> {
    const rows = await em.query(
      `SELECT key_id, org_code, status, key_envelope, public_key_pem, certificate_pem, chain_pem, serial_hex, not_after
       FROM seal_keys WHERE key_id = $1`,
      [keyId],
    );
    return rows.length ? toSealKey(rows[0]) : null;
  }

  /** Only the id, so that the per-document check stays cheap and the envelope is read once per key. */
  async activeKeyId(em: EntityManager, orgCode: string): Promise<string | null> {
    const rows = await em.query(`SELECT key_id FROM seal_keys WHERE org_code = $1 AND status = 'ACTIVE'`, [orgCode]);
    return rows.length ? (rows[0].key_id as string) : null;
  }

  /** Retires the current ACTIVE key first: the one-ACTIVE-per-org index is checked statement by statement. */
  async activate(em: EntityManager, a: Activation): Promise<void> {
    await em.query(`UPDATE seal_keys SET status = 'RETIRED' WHERE org_code = $1 AND status = 'ACTIVE'`, [a.orgCode]);
    await em.query(
      `UPDATE seal_keys SET status = 'ACTIVE', certificate_pem = $2, chain_pem = $3, serial_hex = $4, not_after = $5, activated_at = now()
       WHERE key_id = $1 AND status = 'PENDING'`,
      [a.keyId, a.certificatePem, a.chainPem, a.serialHex, a.notAfter],
    );
  }

  /**
   * Marks the key certified by `serialHex` REVOKED, whatever its state, and returns its id (null when signing never held
   * it). From the commit on, `activeKeyId` no longer finds it, so no new signature uses it.
   */
  async revokeBySerial(em: EntityManager, r: { orgCode: string; serialHex: string; revokedAt: Date; reason: string }): Promise<string | null> {
    const rows: Array<{ key_id: string }> = await em.query(
      `UPDATE seal_keys SET status = 'REVOKED', revoked_at = COALESCE(revoked_at, $3), revocation_reason = COALESCE(revocation_reason, $4)
       WHERE org_code = $1 AND lower(serial_hex) = lower($2) RETURNING key_id`,
      [r.orgCode, r.serialHex, r.revokedAt, r.reason],
    );
    return rows[0]?.key_id ?? null;
  }

  /** The revocation of the organisation's newest certified key when it has no ACTIVE or PENDING key, else null. */
  async revokedSeal(em: EntityManager, orgCode: string): Promise<{ serialHex: string; reason: string } | null> {
    const rows: Array<{ status: SealKeyStatus; serial_hex: string; revocation_reason: string }> = await em.query(
      `SELECT status, serial_hex, revocation_reason FROM seal_keys WHERE org_code = $1 AND status <> 'RETIRED'
       ORDER BY status = 'REVOKED', activated_at DESC NULLS LAST LIMIT 1`,
      [orgCode],
    );
    const r = rows[0];
    return r?.status === 'REVOKED' ? { serialHex: r.serial_hex, reason: r.revocation_reason } : null;
  }

  /** A renewed certificate over the same ACTIVE key. */
  async renewCertificate(em: EntityManager, a: Activation): Promise<void> {
    await em.query(
      `UPDATE seal_keys SET certificate_pem = $2, chain_pem = $3, serial_hex = $4, not_after = $5 WHERE key_id = $1 AND status = 'ACTIVE'`,
      [a.keyId, a.certificatePem, a.chainPem, a.serialHex, a.notAfter],
    );
  }

  /** Each organisation with its ACTIVE key, else its PENDING one, else its REVOKED one, else NONE. */
  async listSeals(em: EntityManager): Promise<SealStatus[]> {
    const rows: Array<{ code: string; name: string; status: SealKeyStatus | null; serial_hex: string | null; not_after: Date | null }> =
      await em.query(`
        SELECT o.code, o.name, k.status, k.serial_hex, k.not_after
        FROM organisations o
        LEFT JOIN LATERAL (
          SELECT status, serial_hex, not_after FROM seal_keys s
          WHERE s.org_code = o.code AND s.status IN ('ACTIVE', 'PENDING', 'REVOKED')
          ORDER BY array_position(ARRAY['ACTIVE', 'PENDING', 'REVOKED'], s.status), s.activated_at DESC NULLS LAST LIMIT 1
        ) k ON true
        ORDER BY o.code`);
    return rows.map((r) => ({
      org: r.code,
      name: r.name,
      status: r.status ?? 'NONE',
      serial: r.serial_hex,
      notAfter: r.not_after ? new Date(r.not_after).toISOString() : null,
    }));
  }
}

function toSealKey(r: Record<string, unknown>): SealKey {
  return {
    keyId: r.key_id as string,
    orgCode: r.org_code as string,
    status: r.status as SealKeyStatus,
    envelope: r.key_envelope as string,
    publicKeyPem: r.public_key_pem as string,
    certificatePem: (r.certificate_pem as string | null) ?? null,
    chainPem: (r.chain_pem as string[] | null) ?? [],
    serialHex: (r.serial_hex as string | null) ?? null,
    notAfter: r.not_after ? new Date(r.not_after as string) : null,
  };
}
