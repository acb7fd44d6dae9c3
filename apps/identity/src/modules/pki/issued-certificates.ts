import { Topics, type EventMeta } from '@edu/contracts';
import { keyAlgorithmOf, parseCertificate } from '@edu/crypto';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { CertificateAuthority, type EndEntityProfile } from './certificate-authority.js';
import { CertificateRepository, type CertificateRecord } from './certificate.repository.js';

export interface IssuedCertificate {
  certificatePem: string;
  profile: EndEntityProfile;
  orgCode: string | null;
  keyId?: string | null;
  subjectPersonId?: string | null;
  replaces?: string | null;
}

/** Key of the platform's own certificates' events (the OCSP responder), which belong to no organisation. */
export const PLATFORM_EVENT_KEY = 'platform';

/** Records a certificate the issuing CA made and announces it (CertificateIssued) in the same transaction. */
@Injectable()
export class IssuedCertificates {
  constructor(
    @Inject(CertificateRepository) private readonly repository: CertificateRepository,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async record(em: EntityManager, issued: IssuedCertificate, cause?: Pick<EventMeta, 'correlationId' | 'eventId'>): Promise<CertificateRecord> {
    const summary = parseCertificate(issued.certificatePem);
    const keyAlgorithm = keyAlgorithmOf(new X509Certificate(issued.certificatePem).publicKey);
    const row = {
      serialHex: summary.serialHex,
      orgCode: issued.orgCode,
      keyId: issued.keyId ?? null,
      profile: issued.profile,
      keyAlgorithm,
      subject: summary.subject,
      subjectPersonId: issued.subjectPersonId ?? null,
      certificatePem: issued.certificatePem,
      notAfter: summary.notAfter,
      replaces: issued.replaces ?? null,
    };
    await this.repository.insert(em, row);
    if (row.replaces) await this.repository.markReplaced(em, row.replaces, row.serialHex);
    await this.outbox.append(em, row.orgCode ?? PLATFORM_EVENT_KEY, {
      type: Topics.CertificateIssued,
      ...(cause ? { correlationId: cause.correlationId, causationId: cause.eventId } : {}),
      payload: {
        orgCode: row.orgCode ?? '',
        keyId: row.keyId ?? '',
        purpose: row.profile,
        serialHex: row.serialHex,
        certificatePem: row.certificatePem,
        chainPem: this.ca.chainPems(),
        notAfter: row.notAfter.toISOString(),
        subjectPersonId: row.subjectPersonId ?? '',
        keyAlgorithm,
      },
    });
    return { ...row, issuer: 'issuing', issuedAt: new Date(), status: 'VALID', revokedAt: null, revocationReason: null, invalidityDate: null, replacedBy: null };
  }
}
