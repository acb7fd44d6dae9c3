import { Topics, uuidv7, type EventPayload } from '@edu/contracts';
import { CmsSigner, parseCertificate } from '@edu/crypto';
import { OutboxWriter } from '@edu/messaging';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { certificateBindingProblem } from './certificate-binding.js';
import { CustodyErrors } from './custody-errors.js';
import { KeyStore } from './key-store.js';
import { KeyUseAudit } from './key-use-audit.js';
import { SigningPins } from './signing-pins.js';

type CertificateIssued = EventPayload<typeof Topics.CertificateIssued>;

/** A person's key, opened after the person proved sole control (their own sign-in plus their signing PIN). */
export interface UnlockedSigner {
  personId: string;
  keyId: string;
  signerSubject: string;
  /** Lower-case hex SHA-256 of the signing certificate's DER. */
  signerCertificateSha256: string;
  signer: CmsSigner;
}

export interface PersonKeyStatus {
  status: 'NONE' | 'PENDING' | 'ACTIVE';
  keyId: string | null;
  serialHex: string | null;
  notAfter: string | null;
  pinSet: boolean;
}

/** The port the workflows use: a person's key is only ever used through `unlock`. */
export abstract class PersonKeys {
  /** Opens the person's key on their PIN to sign `documentIds`; the opening is audited even if the signing is refused. */
  abstract unlock(em: EntityManager, personId: string, pin: string, documentIds: string[], actor?: string): Promise<UnlockedSigner>;
}

const SIGNING_ROLES = ['TEACHER', 'PRINCIPAL'];
/** People's keys kept open at once, least recently used closed first. */
const MAX_OPEN_KEYS = 1000;

/**
 * People's signing keys in custody (RSA-2048, sealed under the KEK). A person enrols once with a PIN: signing makes
 * the key and identity certifies it (SealKeyRegistered with purpose `person`, answered by CertificateIssued). Keys are
 * opened once and kept as CmsSigners (the 1,000 most recently used), never re-parsed per signature.
 */
@Injectable()
export class CustodyPersonKeys extends PersonKeys {
  private readonly signers = new Map<string, Promise<UnlockedSigner>>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(SigningPins) private readonly pins: SigningPins,
    @Inject(KeyUseAudit) private readonly audit: KeyUseAudit,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async unlock(em: EntityManager, personId: string, pin: string, documentIds: string[], actor = personId): Promise<UnlockedSigner> {
    await this.pins.verify(personId, pin, actor);
    const [row]: Array<{ key_id: string; key_handle: string; certificate_pem: string; chain_pem: string[] }> = await em.query(
      `SELECT k.key_id, k.key_handle, k.certificate_pem, k.chain_pem
       FROM person_keys k JOIN signers s ON s.person_id = k.person_id AND s.status = 'ACTIVE'
       WHERE k.person_id = $1 AND k.status = 'ACTIVE' AND k.not_after > now()
         AND NOT EXISTS (SELECT 1 FROM signer_certificates c WHERE c.serial_hex = k.serial_hex AND c.status = 'REVOKED')`,
      [personId],
    );
    if (!row) throw CustodyErrors.keyMissing(personId);
    const signer = await this.signerFor(personId, row);
    // Outside the caller's transaction: an approval refused after this point (a revoked seal) still leaves its trace.
    await this.audit.record(this.dataSource.manager, { personId, keyId: row.key_id, actor, action: 'KEY_UNLOCKED', detail: { documentIds } });
    return signer;
  }

  /** First enrolment: the PIN, a new key in custody, and the request for its certificate. */
  async enrol(em: EntityManager, p: { personId: string; orgCode: string; actor: string }, pin: string): Promise<{ keyId: string }> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person-key|${p.personId}`]);
    const [signer]: Array<{ role: string; status: string; org_code: string }> = await em.query(
      'SELECT role, status, org_code FROM signers WHERE person_id = $1',
      [p.personId],
    );
    if (!signer || signer.status !== 'ACTIVE' || !SIGNING_ROLES.includes(signer.role) || signer.org_code !== p.orgCode)
      throw CustodyErrors.signerNotEligible(p.personId);
    const open: unknown[] = await em.query(`SELECT 1 FROM person_keys WHERE person_id = $1 AND status IN ('ACTIVE', 'PENDING')`, [p.personId]);
    if (open.length) throw CustodyErrors.keyExists();

    await this.pins.set(em, p.personId, pin);
    return this.newKey(em, p, 'KEY_REQUESTED');
  }

  /**
   * A new key for a person who has one (suspected exposure, or before the certificate expires): made in custody on the
   * person's PIN and certified by identity; its activation retires the current key, which signs until then.
   */
  async rotate(em: EntityManager, p: { personId: string; orgCode: string; actor: string }, pin: string): Promise<{ keyId: string }> {
    await this.pins.verify(p.personId, pin, p.actor);
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person-key|${p.personId}`]);
    const pending: unknown[] = await em.query(`SELECT 1 FROM person_keys WHERE person_id = $1 AND status = 'PENDING'`, [p.personId]);
    if (pending.length) throw CustodyErrors.keyExists();
    return this.newKey(em, p, 'KEY_ROTATION_REQUESTED');
  }

  private async newKey(em: EntityManager, p: { personId: string; orgCode: string; actor: string }, action: 'KEY_REQUESTED' | 'KEY_ROTATION_REQUESTED'): Promise<{ keyId: string }> {
    const keyId = uuidv7();
    const { handle, publicKeyPem } = await this.keys.create('RSA-2048');
    await em.query(
      `INSERT INTO person_keys (key_id, person_id, org_code, status, key_handle, public_key_pem) VALUES ($1, $2, $3, 'PENDING', $4, $5)`,
      [keyId, p.personId, p.orgCode, handle, publicKeyPem],
    );
    await this.outbox.append(em, p.orgCode, {
      type: Topics.SealKeyRegistered,
      payload: { orgCode: p.orgCode, keyId, publicKeyPem, purpose: 'person', personId: p.personId },
    });
    await this.audit.record(em, { personId: p.personId, keyId, actor: p.actor, action });
    return { keyId };
  }

  async changePin(em: EntityManager, personId: string, currentPin: string, newPin: string, actor: string): Promise<void> {
    await this.pins.verify(personId, currentPin, actor);
    await this.pins.set(em, personId, newPin);
    await this.audit.record(em, { personId, actor, action: 'PIN_CHANGED' });
  }

  async status(em: EntityManager, personId: string): Promise<PersonKeyStatus> {
    const [row]: Array<{ status: 'PENDING' | 'ACTIVE'; key_id: string; serial_hex: string | null; not_after: Date | null }> = await em.query(
      `SELECT status, key_id, serial_hex, not_after FROM person_keys WHERE person_id = $1 AND status IN ('ACTIVE', 'PENDING')
       ORDER BY (status = 'ACTIVE') DESC LIMIT 1`,
      [personId],
    );
    return {
      status: row?.status ?? 'NONE',
      keyId: row?.key_id ?? null,
      serialHex: row?.serial_hex ?? null,
      notAfter: row?.not_after ? new Date(row.not_after).toISOString() : null,
      pinSet: await this.pins.isSet(em, personId),
    };
  }

  /** Binds identity's certificate to the PENDING key it certifies; returns false when the key is not one of ours. */
  async activate(em: EntityManager, event: CertificateIssued): Promise<boolean> {
    if (!event.keyId) return false;
    const [key]: Array<{ person_id: string; status: string; public_key_pem: string; serial_hex: string | null }> = await em.query(
      'SELECT person_id, status, public_key_pem, serial_hex FROM person_keys WHERE key_id = $1 FOR UPDATE',
      [event.keyId],
    );
    if (!key) return false;
    if (key.person_id !== event.subjectPersonId) throw SigningErrors.certificateMismatch('certificate subject is not the key holder');
    const problem = certificateBindingProblem({ certificatePem: event.certificatePem, chainPem: event.chainPem }, key.public_key_pem);
    if (problem) throw SigningErrors.certificateMismatch(problem);
    const summary = parseCertificate(event.certificatePem);
    if (key.serial_hex === summary.serialHex) return true; // the same certificate again
    if (key.status !== 'PENDING' && key.status !== 'ACTIVE') return true; // revoked or retired meanwhile: stays so
    await em.query(`UPDATE person_keys SET status = 'RETIRED' WHERE person_id = $1 AND status = 'ACTIVE' AND key_id <> $2`, [key.person_id, event.keyId]);
    await em.query(
      `UPDATE person_keys SET status = 'ACTIVE', certificate_pem = $2, chain_pem = $3, serial_hex = $4, not_after = $5, activated_at = now()
       WHERE key_id = $1`,
      [event.keyId, event.certificatePem, [...event.chainPem], summary.serialHex, summary.notAfter],
    );
    await this.audit.record(em, { personId: key.person_id, keyId: event.keyId, actor: 'system', action: 'KEY_ACTIVATED', detail: { serialHex: summary.serialHex } });
    this.signers.delete(event.keyId);
    return true;
  }

  /** A revoked certificate's key never signs again. */
  async revoke(em: EntityManager, serialHex: string): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [Array<{ key_id: string; person_id: string }>, number] = await em.query(
      `UPDATE person_keys SET status = 'REVOKED' WHERE serial_hex = lower($1) AND status <> 'REVOKED' RETURNING key_id, person_id`,
      [serialHex],
    );
    for (const r of rows) {
      this.signers.delete(r.key_id);
      await this.audit.record(em, { personId: r.person_id, keyId: r.key_id, actor: 'system', action: 'KEY_REVOKED', detail: { serialHex } });
    }
  }

  private signerFor(personId: string, row: { key_id: string; key_handle: string; certificate_pem: string; chain_pem: string[] }): Promise<UnlockedSigner> {
    let signer = this.signers.get(row.key_id);
    if (!signer) {
      signer = (async () => {
        const privateKey = await this.keys.open(row.key_handle);
        const summary = parseCertificate(row.certificate_pem);
        return {
          personId,
          keyId: row.key_id,
          signerSubject: summary.subject,
          signerCertificateSha256: summary.fingerprintSha256,
          signer: new CmsSigner({ signerCertPem: row.certificate_pem, chainPems: row.chain_pem, privateKey }),
        };
      })();
      signer.catch(() => this.signers.delete(row.key_id));
      this.signers.set(row.key_id, signer);
      // 32,000 teachers each sign a few times a year: keep the recent ones open, not every key ever used.
      if (this.signers.size > MAX_OPEN_KEYS) this.signers.delete(this.signers.keys().next().value!);
    } else {
      this.signers.delete(row.key_id);
      this.signers.set(row.key_id, signer); // most recently used last
    }
    return signer;
  }
}
