import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { CustodyPersonKeys } from '../custody/person-keys.js';
import { SignerDirectory } from '../signers/signer-directory.js';
import { SealDirectory } from './seal-directory.js';
import { SealSigners } from './seal-signers.js';

type CertificateRevoked = EventPayload<typeof Topics.CertificateRevoked>;

/**
 * Stops a revoked certificate from making new signatures: a seal key becomes REVOKED (documents of that institution
 * then fail with SIGNING.SEAL_REVOKED until an operator asks for a new seal), a person's certificate leaves the set
 * they may sign with. Signatures made before the revocation stay valid; nothing already signed is touched.
 */
@Injectable()
export class RevokeCertificateHandler {
  constructor(
    @Inject(SealDirectory) private readonly seals: SealDirectory,
    @Inject(SealSigners) private readonly sealSigners: SealSigners,
    @Inject(SignerDirectory) private readonly signers: SignerDirectory,
    @Inject(CustodyPersonKeys) private readonly personKeys: Pick<CustodyPersonKeys, 'revoke'>,
  ) {}

  async execute(event: CertificateRevoked, ctx: EventContext): Promise<void> {
    if (!event.serialHex) throw SigningErrors.eventIncomplete('serialHex');
    if (!event.orgCode) throw SigningErrors.eventIncomplete('orgCode');
    const revokedAt = new Date(event.revokedAt);
    if (Number.isNaN(revokedAt.getTime())) throw SigningErrors.eventIncomplete('revokedAt');
    const revocation = { orgCode: event.orgCode, serialHex: event.serialHex, revokedAt, reason: event.reason || 'unspecified' };

    if (event.purpose === 'seal') {
      if (await this.seals.revokeBySerial(ctx.em, revocation)) this.sealSigners.invalidate(event.orgCode);
      return;
    }
    if (event.purpose === 'person') {
      if (!event.subjectPersonId) throw SigningErrors.eventIncomplete('subjectPersonId');
      await this.signers.revokeCertificate(ctx.em, { ...revocation, personId: event.subjectPersonId });
      await this.personKeys.revoke(ctx.em, event.serialHex);
    }
    // Other purposes (TSA, OCSP responder) are not signing's to hold.
  }
}
