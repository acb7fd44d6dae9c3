import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { SealSigners, type SealSigner } from '../seals/seal-signers.js';

/**
 * The issuer's seal for a new signature, or why it cannot seal now: SEAL_NOT_READY while its key waits for a
 * certificate, SEAL_EXPIRED, or SEAL_REVOKED when its seal was revoked and no new one is pending.
 */
@Injectable()
export class InstitutionSeal {
  constructor(@Inject(SealSigners) private readonly signers: SealSigners) {}

  async of(em: EntityManager, issuerCode: string): Promise<SealSigner> {
    const seal = await this.signers.forOrg(em, issuerCode);
    if (!seal) {
      const revoked = await this.signers.revokedSeal(em, issuerCode);
      if (revoked) throw SigningErrors.sealRevoked(issuerCode, revoked.reason);
      throw SigningErrors.sealNotReady(issuerCode);
    }
    if (seal.notAfter.getTime() <= Date.now()) throw SigningErrors.sealExpired(issuerCode);
    return seal;
  }
}
