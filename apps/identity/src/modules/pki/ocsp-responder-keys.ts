import { generateKeyPair, openPrivateKey, OcspResponseSigner, sealPrivateKey } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { CertificateAuthority } from './certificate-authority.js';
import { IssuedCertificates } from './issued-certificates.js';

/** The responder certificate lives 90 days (profile ocsp); a new key and certificate replace it 30 days before. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * The delegated OCSP responder's key (ECDSA P-256: it signs every fresh response) and certificate from the issuing
 * CA. The key is sealed under the KEK at rest; the newest valid responder is loaded, and renewed when it nears expiry.
 */
@Injectable()
export class OcspResponderKeys {
  private current?: { serialHex: string; signer: OcspResponseSigner };

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(IssuedCertificates) private readonly issued: IssuedCertificates,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  signer(): OcspResponseSigner {
    if (!this.current) throw new Error('OCSP responder not initialised');
    return this.current.signer;
  }

  /** Loads the newest responder that is not due for renewal, making one first when there is none. */
  async ensureCurrent(): Promise<void> {
    const row = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.ocsp_responder'))`);
      const newest = () =>
        em.query(
          `SELECT c.serial_hex, c.certificate_pem, k.key_envelope FROM certificates c JOIN ocsp_responder_keys k USING (serial_hex)
           WHERE c.status = 'VALID' AND c.not_after > now() + $1 * interval '1 millisecond' ORDER BY c.issued_at DESC LIMIT 1`,
          [RENEW_BEFORE_MS],
        );
      const [found] = await newest();
      if (found) return found;
      const keys = generateKeyPair('EC-P256');
      const certificatePem = this.ca.issue('ocsp', { commonName: 'edu-interop OCSP Responder – Hải Phòng', organization: 'Sở Giáo dục và Đào tạo Hải Phòng', country: 'VN' }, keys.publicKey);
      const record = await this.issued.record(em, { certificatePem, profile: 'ocsp', orgCode: null });
      await em.query('INSERT INTO ocsp_responder_keys (serial_hex, key_envelope) VALUES ($1, $2)', [record.serialHex, sealPrivateKey(keys.privateKey, this.config.EDU_KEK)]);
      return (await newest())[0];
    });
    if (this.current?.serialHex === row.serial_hex) return;
    this.current = { serialHex: row.serial_hex, signer: new OcspResponseSigner(row.certificate_pem, openPrivateKey(row.key_envelope, this.config.EDU_KEK)) };
  }
}
