import { generateRsaKeyPair, issueCertificate, openPrivateKey, sealPrivateKey } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';

interface LoadedCa {
  certificatePem: string;
  privateKey: KeyObject;
}

const CA_SUBJECT = { organization: 'Sở Giáo dục và Đào tạo Hải Phòng', locality: 'Hải Phòng', country: 'VN' };

/**
 * The platform's two-level CA: an offline-style root and the issuing CA that signs seals. Keys are created once
 * (RSA-2048: fast to make and to verify everywhere; issue 4 revisits algorithms), sealed under the KEK at rest,
 * and opened into KeyObjects once per process.
 */
@Injectable()
export class CertificateAuthority implements OnModuleInit {
  private root?: LoadedCa;
  private issuing?: LoadedCa;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.ca_keys'))`);
      const rows: Array<{ name: string; certificate_pem: string; key_envelope: string }> = await em.query(
        'SELECT name, certificate_pem, key_envelope FROM ca_keys',
      );
      const byName = new Map(rows.map((r) => [r.name, r]));
      this.root = byName.has('root') ? this.open(byName.get('root')!) : await this.create(em, 'root');
      this.issuing = byName.has('issuing') ? this.open(byName.get('issuing')!) : await this.create(em, 'issuing');
    });
  }

  /** Issuing CA first, then the root: the order a relying party builds the path in. */
  chainPems(): string[] {
    return [this.issuingCa().certificatePem, this.rootCa().certificatePem];
  }

  issueSeal(orgName: string, orgCode: string, publicKey: KeyObject): string {
    return issueCertificate({
      profile: 'seal',
      subject: { commonName: orgName, organization: orgName, organizationalUnit: orgCode, serialNumber: orgCode, country: 'VN' },
      publicKey,
      issuer: { certPem: this.issuingCa().certificatePem, privateKey: this.issuingCa().privateKey },
    });
  }

  private rootCa(): LoadedCa {
    if (!this.root) throw new Error('CA not initialised');
    return this.root;
  }

  private issuingCa(): LoadedCa {
    if (!this.issuing) throw new Error('CA not initialised');
    return this.issuing;
  }

  private open(row: { certificate_pem: string; key_envelope: string }): LoadedCa {
    return { certificatePem: row.certificate_pem, privateKey: openPrivateKey(row.key_envelope, this.config.EDU_KEK) };
  }

  private async create(em: { query: DataSource['query'] }, name: 'root' | 'issuing'): Promise<LoadedCa> {
    const { privateKey, publicKey } = generateRsaKeyPair(2048);
    const certificatePem =
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
            issuer: { certPem: this.rootCa().certificatePem, privateKey: this.rootCa().privateKey },
          });
    await em.query('INSERT INTO ca_keys (name, certificate_pem, key_envelope) VALUES ($1, $2, $3)', [
      name,
      certificatePem,
      sealPrivateKey(privateKey, this.config.EDU_KEK),
    ]);
    return { certificatePem, privateKey };
  }
}
