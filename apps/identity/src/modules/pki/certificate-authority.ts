import { generateKeyPair, issueCertificate, openPrivateKey, sealPrivateKey, type CertificateSubject } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';

export type CaName = 'root' | 'issuing';
export type EndEntityProfile = 'person' | 'seal' | 'tsa' | 'ocsp';

export interface CaSigner {
  certPem: string;
  privateKey: KeyObject;
}

const CA_SUBJECT = { organization: 'Sở Giáo dục và Đào tạo Hải Phòng', locality: 'Hải Phòng', country: 'VN' };

/**
 * The platform's two-level CA: an offline-style root and the issuing CA that signs every end-entity certificate.
 * Keys are created once, sealed under the KEK at rest, and opened into KeyObjects once per process. New installs get
 * RSA-3072 CA keys (docs/pki.md); a CA already in ca_keys keeps its key and certificate.
 */
@Injectable()
export class CertificateAuthority implements OnModuleInit {
  private readonly loaded = new Map<CaName, CaSigner>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.ca_keys'))`);
      const rows: Array<{ name: CaName; certificate_pem: string; key_envelope: string }> = await em.query(
        'SELECT name, certificate_pem, key_envelope FROM ca_keys',
      );
      for (const name of ['root', 'issuing'] as const) {
        const row = rows.find((r) => r.name === name);
        this.loaded.set(name, row ? this.open(row) : await this.create(em, name));
      }
    });
  }

  /** Issuing CA first, then the root: the order a relying party builds the path in. */
  chainPems(): string[] {
    return [this.signer('issuing').certPem, this.signer('root').certPem];
  }

  signer(name: CaName): CaSigner {
    const ca = this.loaded.get(name);
    if (!ca) throw new Error('CA not initialised');
    return ca;
  }

  /** An end-entity certificate from the issuing CA, pointing at its CRL, the OCSP responder and the issuer certificate. */
  issue(profile: EndEntityProfile, subject: CertificateSubject, publicKey: KeyObject): string {
    const base = this.config.IDENTITY_PUBLIC_URL;
    return issueCertificate({
      profile,
      subject,
      publicKey,
      issuer: this.signer('issuing'),
      pointers: { crlUrl: `${base}/pki/crl/issuing.crl`, ocspUrl: `${base}/pki/ocsp`, caIssuersUrl: `${base}/pki/ca/issuing.cer` },
    });
  }

  private open(row: { certificate_pem: string; key_envelope: string }): CaSigner {
    return { certPem: row.certificate_pem, privateKey: openPrivateKey(row.key_envelope, this.config.EDU_KEK) };
  }

  private async create(em: { query: DataSource['query'] }, name: CaName): Promise<CaSigner> {
    const base = this.config.IDENTITY_PUBLIC_URL;
    const { privateKey, publicKey } = generateKeyPair('RSA-3072');
    const certPem =
      name === 'root'
        ? issueCertificate({
            profile: 'root-ca',
            subject: { ...CA_SUBJECT, commonName: 'edu-interop Root CA – Hải Phòng' },
            publicKey,
            issuer: { selfSigned: true, privateKey },
          })
        : issueCertificate({
            profile: 'issuing-ca',
            subject: { ...CA_SUBJECT, commonName: 'edu-interop Issuing CA – Hải Phòng' },
            publicKey,
            issuer: this.signer('root'),
            pointers: { crlUrl: `${base}/pki/crl/root.crl`, caIssuersUrl: `${base}/pki/ca/root.cer` },
          });
    await em.query('INSERT INTO ca_keys (name, certificate_pem, key_envelope) VALUES ($1, $2, $3)', [
      name,
      certPem,
      sealPrivateKey(privateKey, this.config.EDU_KEK),
    ]);
    return { certPem, privateKey };
  }
}
