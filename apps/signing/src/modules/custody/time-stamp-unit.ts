import { Topics, uuidv7, type EventPayload } from '@edu/contracts';
import { parseCertificate, TimeStampAuthority } from '@edu/crypto';
import { OutboxWriter } from '@edu/messaging';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { SigningErrors } from '../../signing-errors.js';
import { certificateBindingProblem } from './certificate-binding.js';
import { CustodyErrors } from './custody-errors.js';
import { KeyStore } from './key-store.js';

type CertificateIssued = EventPayload<typeof Topics.CertificateIssued>;

/** How long a replica trusts its cached authority before looking for a newer active key. */
const REFRESH_MS = 30_000;

interface Active {
  keyId: string;
  authority: Promise<TimeStampAuthority>;
  checkedAt: number;
}

/**
 * The platform's time-stamping unit: a P-256 key in custody, certified by identity (profile `tsa`, critical
 * id-kp-timeStamping) for the provincial department. Its key is requested when signing first learns of that
 * organisation, made by the configured key store (on the token when KEY_STORE=pkcs11, else sealed under the KEK), and
 * opened once into a TimeStampAuthority that serves both `POST /tsa` and our own B-T signatures. A key made in software
 * before the HSM was configured is still opened from software (RoutingKeyStore) until the unit is given a new one.
 */
@Injectable()
export class TimeStampUnit implements OnApplicationBootstrap {
  private active: Active | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SIGNING_CONFIG) private readonly config: Pick<SigningConfig, 'TSA_ORG_CODE' | 'TSA_POLICY_OID'>,
  ) {}

  /** An install that already knows the department (its event came before this unit existed) asks at start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const known: unknown[] = await em.query(`SELECT 1 FROM organisations WHERE code = $1 AND status = 'ACTIVE'`, [this.config.TSA_ORG_CODE]);
      if (known.length) await this.requestKeyIfMissing(em, this.config.TSA_ORG_CODE);
    });
  }

  /** Asks for a key once the department is known; a no-op while one is active or pending. */
  async requestKeyIfMissing(em: EntityManager, orgCode: string, cause: { correlationId?: string; causationId?: string } = {}): Promise<void> {
    if (orgCode !== this.config.TSA_ORG_CODE) return;
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['tsa-key']);
    const open: unknown[] = await em.query(`SELECT 1 FROM tsa_keys WHERE status IN ('ACTIVE', 'PENDING')`);
    if (open.length) return;
    const keyId = uuidv7();
    const { handle, publicKeyPem } = await this.keys.create('EC-P256');
    await em.query(`INSERT INTO tsa_keys (key_id, org_code, status, key_handle, public_key_pem) VALUES ($1, $2, 'PENDING', $3, $4)`, [
      keyId,
      orgCode,
      handle,
      publicKeyPem,
    ]);
    await this.outbox.append(em, orgCode, {
      type: Topics.SealKeyRegistered,
      ...cause,
      payload: { orgCode, keyId, publicKeyPem, purpose: 'tsa', personId: '' },
    });
  }

  /** Binds identity's certificate to the pending key and makes it the active unit, retiring the previous one. */
  async activate(em: EntityManager, event: CertificateIssued): Promise<void> {
    if (!event.keyId) return; // a TSA certified from a CSR holds its key elsewhere
    const [key]: Array<{ status: string; public_key_pem: string }> = await em.query(
      'SELECT status, public_key_pem FROM tsa_keys WHERE key_id = $1 FOR UPDATE',
      [event.keyId],
    );
    if (!key) throw SigningErrors.sealKeyUnknown(event.keyId);
    if (key.status !== 'PENDING') return; // the same certificate again
    const problem = certificateBindingProblem({ certificatePem: event.certificatePem, chainPem: event.chainPem }, key.public_key_pem);
    if (problem) throw SigningErrors.certificateMismatch(problem);
    await em.query(`UPDATE tsa_keys SET status = 'RETIRED' WHERE status = 'ACTIVE'`);
    await em.query(
      `UPDATE tsa_keys SET status = 'ACTIVE', certificate_pem = $2, chain_pem = $3, not_after = $4, activated_at = now() WHERE key_id = $1`,
      [event.keyId, event.certificatePem, [...event.chainPem], parseCertificate(event.certificatePem).notAfter],
    );
    this.active = null;
  }

  /** The active authority; SIGNING.TSA_NOT_READY (transient) until identity has certified the unit. */
  async authority(): Promise<TimeStampAuthority> {
    const now = Date.now();
    if (this.active && now - this.active.checkedAt < REFRESH_MS) return this.active.authority;
    const [row]: Array<{ key_id: string; key_handle: string; certificate_pem: string; chain_pem: string[] }> = await this.dataSource.query(
      `SELECT key_id, key_handle, certificate_pem, chain_pem FROM tsa_keys WHERE status = 'ACTIVE' AND not_after > now()`,
    );
    if (!row) throw CustodyErrors.tsaNotReady();
    if (this.active?.keyId === row.key_id) {
      this.active.checkedAt = now;
      return this.active.authority;
    }
    const authority = this.keys.open(row.key_handle).then(
      (privateKey) =>
        new TimeStampAuthority({ certificatePem: row.certificate_pem, chainPems: row.chain_pem, privateKey, policyOid: this.config.TSA_POLICY_OID }),
    );
    authority.catch(() => (this.active = null));
    this.active = { keyId: row.key_id, authority, checkedAt: now };
    return authority;
  }
}
