import { Topics, type EventPayload } from '@edu/contracts';
import { parseCertificate } from '@edu/crypto';
import type { EventContext } from '@edu/messaging';
import { Injectable, Inject } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { SignerDirectory } from './signer-directory.js';

type CertificateIssued = EventPayload<typeof Topics.CertificateIssued>;

/** Adds a person's signing certificate to the signer directory; serial and expiry come from the certificate itself. */
@Injectable()
export class RecordSignerCertificateHandler {
  constructor(@Inject(SignerDirectory) private readonly signers: SignerDirectory) {}

  async execute(event: CertificateIssued, ctx: EventContext): Promise<void> {
    if (!event.subjectPersonId) throw SigningErrors.eventIncomplete('subjectPersonId');
    if (!event.orgCode) throw SigningErrors.eventIncomplete('orgCode');
    let summary;
    try {
      summary = parseCertificate(event.certificatePem);
    } catch {
      throw SigningErrors.certificateMismatch('certificate is not a valid X.509 PEM');
    }
    await this.signers.recordCertificate(ctx.em, {
      serialHex: summary.serialHex,
      personId: event.subjectPersonId,
      orgCode: event.orgCode,
      certificatePem: event.certificatePem,
      chainPem: [...event.chainPem],
      notAfter: summary.notAfter,
    });
  }
}
