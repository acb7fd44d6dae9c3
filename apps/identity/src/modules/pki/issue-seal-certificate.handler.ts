import { Topics, type EventPayload } from '@edu/contracts';
import { publicKeyFromPem } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import type { EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateAuthority } from './certificate-authority.js';
import { IssuedCertificates } from './issued-certificates.js';
import { SubjectPolicy } from './subject-policy.js';

type SealKeyRegistered = EventPayload<typeof Topics.SealKeyRegistered>;

const invalid = (code: string, en: string, vi: string, field: string) =>
  new DomainError(`IDENTITY.${code}`, 'invalid', { vi, en }, field);

/** Certifies an institution's seal key that signing holds in custody; one certificate per key id. */
@Injectable()
export class IssueSealCertificateHandler {
  constructor(
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(SubjectPolicy) private readonly policy: SubjectPolicy,
    @Inject(IssuedCertificates) private readonly issued: IssuedCertificates,
  ) {}

  async execute(event: SealKeyRegistered, ctx: EventContext): Promise<void> {
    if (!event.keyId) throw invalid('EVENT_INCOMPLETE', 'seal key event has no key id', 'Sự kiện khóa dấu thiếu mã khóa', 'keyId');
    const approved = await this.policy.approve(ctx.em, { profile: 'seal', orgCode: event.orgCode, requested: { serialNumber: event.orgCode } });
    const [already] = await ctx.em.query('SELECT serial_hex FROM certificates WHERE key_id = $1', [event.keyId]);
    if (already) return;

    let publicKey;
    try {
      publicKey = publicKeyFromPem(event.publicKeyPem);
    } catch {
      throw invalid('PUBLIC_KEY_INVALID', 'the public key is not a valid PEM key', 'Khóa công khai không hợp lệ', 'publicKeyPem');
    }
    // Signing's CMS signer works with RSA seal keys (docs/pki.md: seals stay RSA-2048 for signing throughput).
    if (publicKey.asymmetricKeyType !== 'rsa' || (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw invalid('PUBLIC_KEY_WEAK', 'a seal key must be RSA of at least 2048 bits', 'Khóa dấu phải là RSA tối thiểu 2048 bit', 'publicKeyPem');

    const certificatePem = this.ca.issue('seal', approved.subject, publicKey);
    await this.issued.record(ctx.em, { certificatePem, profile: 'seal', orgCode: event.orgCode, keyId: event.keyId }, ctx.meta);
  }
}
