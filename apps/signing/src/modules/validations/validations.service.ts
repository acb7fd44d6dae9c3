import { validateSignatures, type ExpectedSigner, type ValidationReport } from '@edu/crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RevocationLookup } from './revocation-lookup.js';
import { TrustAnchors } from './trust-anchors.js';
import type { ValidationRequest } from './validation-request.js';

/** Public signature validation: identity's trust anchors, revocation over HTTP, the library's verdicts. */
@Injectable()
export class ValidationsService {
  constructor(
    @Inject(TrustAnchors) private readonly anchors: TrustAnchors,
    @Inject(RevocationLookup) private readonly revocation: RevocationLookup,
  ) {}

  /** `expected` names, per signature, whose it must be (an uploaded signature must be the task's signer's). */
  async validate(request: Pick<ValidationRequest, 'content' | 'signatures'>, expected?: Array<ExpectedSigner | undefined>): Promise<ValidationReport> {
    return validateSignatures({
      content: request.content,
      signatures: request.signatures,
      trustAnchors: await this.anchors.current(),
      revocation: this.revocation,
      ...(expected ? { expected } : {}),
    });
  }
}
