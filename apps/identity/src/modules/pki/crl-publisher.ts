import { buildCrl } from '@edu/crypto';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateAuthority, type CaName } from './certificate-authority.js';
import { CertificateRepository } from './certificate.repository.js';

/**
 * How long each CRL is valid, and when a fresh one is signed: half-way, so a late refresh still leaves relying
 * parties a valid CRL. The root revokes only CAs, so its CRL changes rarely and lives longer.
 */
const LIFETIME_MS: Record<CaName, number> = { issuing: 24 * 3_600_000, root: 7 * 24 * 3_600_000 };

/**
 * Signs and stores the latest CRL of each CA. One row per issuer, so every instance serves the same bytes; a
 * transaction-scoped advisory lock keeps CRL numbers strictly increasing across instances.
 */
@Injectable()
export class CrlPublisher {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(CertificateRepository) private readonly certificates: CertificateRepository,
  ) {}

  /** Signs a new CRL of `issuer` inside the caller's transaction (a revocation's, so the CRL lists it at commit). */
  async publish(em: EntityManager, issuer: CaName): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.crl.' || $1))`, [issuer]);
    const [current] = await em.query('SELECT crl_number FROM crls WHERE issuer = $1', [issuer]);
    const crlNumber = current ? BigInt(current.crl_number) + 1n : 1n;
    const thisUpdate = new Date();
    const nextUpdate = new Date(thisUpdate.getTime() + LIFETIME_MS[issuer]);
    const der = buildCrl({ issuer: this.ca.signer(issuer), crlNumber, thisUpdate, nextUpdate, entries: await this.certificates.revokedEntries(em, issuer) });
    await em.query(
      `INSERT INTO crls (issuer, crl_number, der, this_update, next_update) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (issuer) DO UPDATE SET crl_number = EXCLUDED.crl_number, der = EXCLUDED.der, this_update = EXCLUDED.this_update, next_update = EXCLUDED.next_update`,
      [issuer, crlNumber.toString(), der, thisUpdate, nextUpdate],
    );
  }

  /** Publishes each CRL that is missing or past half its life; run at start-up and on a schedule. */
  async refreshDue(): Promise<void> {
    for (const issuer of ['issuing', 'root'] as const) {
      await this.dataSource.transaction(async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.crl.' || $1))`, [issuer]);
        const [fresh] = await em.query(
          `SELECT 1 FROM crls WHERE issuer = $1 AND next_update - now() > $2 * interval '1 millisecond'`,
          [issuer, LIFETIME_MS[issuer] / 2],
        );
        if (!fresh) await this.publish(em, issuer);
      });
    }
  }

  async latest(issuer: CaName): Promise<{ der: Buffer; nextUpdate: Date } | undefined> {
    const [row] = await this.dataSource.query('SELECT der, next_update FROM crls WHERE issuer = $1', [issuer]);
    return row ? { der: row.der, nextUpdate: row.next_update } : undefined;
  }
}
