import { Topics, type EventPayload } from '@edu/contracts';
import { publicKeyFromPem } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import type { EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { CertificateAuthority } from './certificate-authority.js';
import { IssuedCertificates } from './issued-certificates.js';
import { SubjectPolicy } from './subject-policy.js';

type SealKeyRegistered = EventPayload<typeof Topics.SealKeyRegistered>;
type CustodyPurpose = 'seal' | 'tsa' | 'person';

const invalid = (code: string, en: string, vi: string, field: string) =>
  new DomainError(`IDENTITY.${code}`, 'invalid', { vi, en }, field);

/**
 * Certifies a key that signing holds in custody — an institution's seal, the time-stamping unit, or a person's
 * signing key — one certificate per key id. The subject comes from the registry (subject policy), never from signing.
 */
@Injectable()
export class IssueSealCertificateHandler {
  constructor(
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(SubjectPolicy) private readonly policy: SubjectPolicy,
    @Inject(IssuedCertificates) private readonly issued: IssuedCertificates,
  ) {}

  async execute(event: SealKeyRegistered, ctx: EventContext): Promise<void> {
    if (!event.keyId) throw invalid('EVENT_INCOMPLETE', 'key event has no key id', 'Sự kiện khóa thiếu mã khóa', 'keyId');
    const purpose = purposeOf(event.purpose);
    if (purpose === 'person' && !event.personId)
      throw invalid('EVENT_INCOMPLETE', 'a person key event has no person id', 'Sự kiện khóa cá nhân thiếu mã định danh', 'personId');
    const approved = await this.policy.approve(ctx.em, {
      profile: purpose,
      orgCode: event.orgCode,
      ...(purpose === 'person' ? { personId: event.personId, requested: { serialNumber: event.personId } } : { requested: { serialNumber: event.orgCode } }),
    });
    const [already] = await ctx.em.query('SELECT serial_hex FROM certificates WHERE key_id = $1', [event.keyId]);
    if (already) return;

    const publicKey = checkedKey(event.publicKeyPem, purpose);
    const certificatePem = this.ca.issue(purpose, approved.subject, publicKey);
    await this.issued.record(
      ctx.em,
      { certificatePem, profile: purpose, orgCode: event.orgCode, keyId: event.keyId, subjectPersonId: approved.personId },
      ctx.meta,
    );
  }
}

function purposeOf(value: string): CustodyPurpose {
  if (value === '' || value === 'seal') return 'seal';
  if (value === 'tsa' || value === 'person') return value;
  throw invalid('KEY_PURPOSE_UNKNOWN', `unknown key purpose ${value}`, `Mục đích khóa không hợp lệ: ${value}`, 'purpose');
}

/**
 * Signing's CMS signer works with RSA keys (docs/pki.md: seals and people stay RSA-2048 for signing throughput); the
 * time-stamping unit may also be P-256, which is ten times cheaper per time-stamp.
 */
function checkedKey(pem: string, purpose: CustodyPurpose): KeyObject {
  let key: KeyObject;
  try {
    key = publicKeyFromPem(pem);
  } catch {
    throw invalid('PUBLIC_KEY_INVALID', 'the public key is not a valid PEM key', 'Khóa công khai không hợp lệ', 'publicKeyPem');
  }
  const rsa = key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048;
  const p256 = key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  if (rsa || (purpose === 'tsa' && p256)) return key;
  throw purpose === 'tsa'
    ? invalid('PUBLIC_KEY_WEAK', 'a time-stamping key must be RSA of at least 2048 bits or EC P-256', 'Khóa dấu thời gian phải là RSA tối thiểu 2048 bit hoặc EC P-256', 'publicKeyPem')
    : invalid('PUBLIC_KEY_WEAK', `a ${purpose} key must be RSA of at least 2048 bits`, 'Khóa ký phải là RSA tối thiểu 2048 bit', 'publicKeyPem');
}
