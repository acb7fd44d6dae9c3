import { Topics, type EventPayload } from '@edu/contracts';
import { parseCertificate } from '@edu/crypto';
import type { EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { certificateBindingProblem } from '../custody/certificate-binding.js';
import { SealDirectory } from './seal-directory.js';
import { SealSigners } from './seal-signers.js';

type CertificateIssued = EventPayload<typeof Topics.CertificateIssued>;

/**
 * Binds a seal certificate from identity to the PENDING key it certifies and makes that key the organisation's
 * ACTIVE seal, retiring the previous one; a new certificate over the ACTIVE key renews it. Serial and expiry are read
 * from the certificate itself, not the event.
 */
@Injectable()
export class ActivateSealHandler {
  constructor(
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(SealSigners) private readonly signers: SealSigners,
  ) {}

  async execute(event: CertificateIssued, ctx: EventContext): Promise<void> {
    if (event.purpose !== 'seal') return; // other certificates (people, CAs) are not ours to hold
    // A seal certified from a CSR carries no key id: its key is held elsewhere (an institution's own HSM), not by us.
    if (!event.keyId) return;
    if (!event.orgCode) throw SigningErrors.eventIncomplete('orgCode');
    if (!event.certificatePem) throw SigningErrors.eventIncomplete('certificatePem');

    const key = await this.directory.findKey(ctx.em, event.keyId);
    if (!key || key.orgCode !== event.orgCode) throw SigningErrors.sealKeyUnknown(event.keyId);
    const summary = safeParse(event.certificatePem);
    if (key.status === 'ACTIVE' && key.serialHex === summary.serialHex) return; // the same certificate again
    if (key.status !== 'PENDING' && key.status !== 'ACTIVE') throw SigningErrors.sealKeyUnknown(event.keyId);

    const problem = certificateBindingProblem({ certificatePem: event.certificatePem, chainPem: event.chainPem }, key.publicKeyPem);
    if (problem) throw SigningErrors.certificateMismatch(problem);

    const certificate = {
      keyId: key.keyId,
      orgCode: key.orgCode,
      certificatePem: event.certificatePem,
      chainPem: [...event.chainPem],
      serialHex: summary.serialHex,
      notAfter: summary.notAfter,
    };
    // An ACTIVE key receiving a new certificate is a renewal: the key signs on under the new one.
    if (key.status === 'ACTIVE') await this.directory.renewCertificate(ctx.em, certificate);
    else await this.directory.activate(ctx.em, certificate);
    this.signers.invalidate(key.orgCode);
  }
}

function safeParse(pem: string) {
  try {
    return parseCertificate(pem);
  } catch {
    throw SigningErrors.certificateMismatch('certificate is not a valid X.509 PEM');
  }
}
