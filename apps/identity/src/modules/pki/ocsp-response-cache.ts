import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Pre-signed OCSP responses for requests without a nonce, keyed by the exact CertID bytes (a SHA-1 and a SHA-256
 * CertID of one certificate get different answers). Kept in PostgreSQL so that a revocation deletes them in its own
 * transaction and no instance can serve a stale `good` afterwards.
 */
@Injectable()
export class OcspResponseCache {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(certId: Buffer): Promise<Buffer | undefined> {
    const [row] = await this.dataSource.query('SELECT der FROM ocsp_responses WHERE cert_id = $1 AND reuse_until > now()', [certId]);
    return row?.der;
  }

  /**
   * Stores a response only while the certificate still has the status it states. The row lock (FOR SHARE) waits for a
   * revocation in flight, so a `good` signed just before it commits is not stored after its DELETE ran.
   */
  async put(entry: { certId: Buffer; serialHex: string; status: 'VALID' | 'REVOKED'; der: Buffer; reuseUntil: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ocsp_responses (cert_id, serial_hex, der, reuse_until)
       SELECT $1, $2, $4, $5 FROM certificates WHERE serial_hex = $2 AND status = $3 FOR SHARE
       ON CONFLICT (cert_id) DO UPDATE SET der = EXCLUDED.der, reuse_until = EXCLUDED.reuse_until`,
      [entry.certId, entry.serialHex, entry.status, entry.der, entry.reuseUntil],
    );
  }

  async invalidate(em: EntityManager, serialHex: string): Promise<void> {
    await em.query('DELETE FROM ocsp_responses WHERE serial_hex = $1', [serialHex]);
  }
}
