import { CmsSigner, parseCertificate } from '@edu/crypto';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { KeyStore } from '../custody/key-store.js';
import { SealDirectory } from './seal-directory.js';

/** Everything a signature needs from an organisation's active seal, prepared once. */
export interface SealSigner {
  orgCode: string;
  keyId: string;
  signer: CmsSigner;
  signerSubject: string;
  /** Lower-case hex SHA-256 of the seal certificate's DER. */
  signerCertificateSha256: string;
  notAfter: Date;
}

interface CacheEntry {
  keyId: string;
  signer: Promise<SealSigner>;
}

/**
 * One CmsSigner per organisation, built on first use: the envelope is opened and the certificate encoded once, not
 * per signature. The entry is a promise so that concurrent partitions asking for the same organisation share one
 * build. Each lookup compares the cached key id with the ACTIVE one in the database, so a rotation is picked up even
 * by another replica, or when `invalidate` ran before the activating transaction committed.
 */
@Injectable()
export class SealSigners {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(KeyStore) private readonly keys: KeyStore,
  ) {}

  /** The organisation's active seal signer, or null while it has no certified key. */
  async forOrg(em: EntityManager, orgCode: string): Promise<SealSigner | null> {
    const keyId = await this.directory.activeKeyId(em, orgCode);
    if (!keyId) return null;
    const cached = this.cache.get(orgCode);
    if (cached?.keyId === keyId) return cached.signer;

    const signer = this.build(em, keyId);
    this.cache.set(orgCode, { keyId, signer });
    signer.catch(() => {
      // A failed build must not stick: the next event tries again.
      if (this.cache.get(orgCode)?.signer === signer) this.cache.delete(orgCode);
    });
    return signer;
  }

  /** Why the organisation cannot seal when its newest seal was revoked and no replacement is pending. */
  revokedSeal(em: EntityManager, orgCode: string): Promise<{ serialHex: string; reason: string } | null> {
    return this.directory.revokedSeal(em, orgCode);
  }

  invalidate(orgCode: string): void {
    this.cache.delete(orgCode);
  }

  private async build(em: EntityManager, keyId: string): Promise<SealSigner> {
    const key = await this.directory.findKey(em, keyId);
    if (!key?.certificatePem) throw new Error(`seal key ${keyId} vanished or has no certificate`);
    const privateKey = await this.keys.open(key.envelope);
    const summary = parseCertificate(key.certificatePem);
    return {
      orgCode: key.orgCode,
      keyId,
      signer: new CmsSigner({ signerCertPem: key.certificatePem, chainPems: key.chainPem, privateKey }),
      signerSubject: summary.subject,
      signerCertificateSha256: summary.fingerprintSha256,
      notAfter: summary.notAfter,
    };
  }
}
