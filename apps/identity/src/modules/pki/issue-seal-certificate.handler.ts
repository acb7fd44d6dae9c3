import { Topics, type EventPayload } from '@edu/contracts';
import { parseCertificate, publicKeyFromPem } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { OutboxWriter, type EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateAuthority } from './certificate-authority.js';

type SealKeyRegistered = EventPayload<typeof Topics.SealKeyRegistered>;

const invalid = (code: string, en: string, vi: string, field: string) =>
  new DomainError(`IDENTITY.${code}`, 'invalid', { vi, en }, field);

/** Certifies an institution's seal key that signing holds in custody; one certificate per key id. */
@Injectable()
export class IssueSealCertificateHandler {
  constructor(
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(event: SealKeyRegistered, ctx: EventContext): Promise<void> {
    if (!event.keyId) throw invalid('EVENT_INCOMPLETE', 'seal key event has no key id', 'Sự kiện khóa dấu thiếu mã khóa', 'keyId');
    const [org] = await ctx.em.query(`SELECT code, name, level, status FROM organisations WHERE code = $1`, [event.orgCode]);
    if (!org) throw invalid('UNKNOWN_ORGANISATION', `unknown organisation ${event.orgCode}`, `Không có đơn vị ${event.orgCode}`, 'orgCode');
    if (org.status !== 'ACTIVE') throw invalid('ORGANISATION_CLOSED', `organisation ${event.orgCode} is closed`, `Đơn vị ${event.orgCode} đã đóng`, 'orgCode');
    const [already] = await ctx.em.query('SELECT serial_hex FROM certificates WHERE key_id = $1', [event.keyId]);
    if (already) return;

    let publicKey;
    try {
      publicKey = publicKeyFromPem(event.publicKeyPem);
    } catch {
      throw invalid('PUBLIC_KEY_INVALID', 'the public key is not a valid PEM key', 'Khóa công khai không hợp lệ', 'publicKeyPem');
    }
    if (publicKey.asymmetricKeyType !== 'rsa' || (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw invalid('PUBLIC_KEY_WEAK', 'a seal key must be RSA of at least 2048 bits', 'Khóa dấu phải là RSA tối thiểu 2048 bit', 'publicKeyPem');

    const certificatePem = this.ca.issueSeal(org.name, org.code, publicKey);
    const summary = parseCertificate(certificatePem);
    await ctx.em.query(
      `INSERT INTO certificates (serial_hex, org_code, key_id, purpose, certificate_pem, not_after) VALUES ($1, $2, $3, 'seal', $4, $5)`,
      [summary.serialHex, org.code, event.keyId, certificatePem, summary.notAfter],
    );
    await this.outbox.append(ctx.em, org.code, {
      type: Topics.CertificateIssued,
      correlationId: ctx.meta.correlationId,
      causationId: ctx.meta.eventId,
      payload: {
        orgCode: org.code,
        keyId: event.keyId,
        purpose: 'seal',
        serialHex: summary.serialHex,
        certificatePem,
        chainPem: this.ca.chainPems(),
        notAfter: summary.notAfter.toISOString(),
      },
    });
  }
}
