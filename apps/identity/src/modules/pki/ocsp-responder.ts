import { certIdIssuerMatcher, MalformedOcspRequest, ocspErrorResponse, readOcspRequest, type CrlReason, type OcspCertStatus, type OcspQuestion } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateAuthority } from './certificate-authority.js';
import { OcspResponderKeys } from './ocsp-responder-keys.js';
import { OcspResponseCache } from './ocsp-response-cache.js';

/** Clients may rely on an answer this long (nextUpdate); a pre-signed one is served for the first hour of it. */
const ANSWER_LIFETIME_MS = 4 * 3_600_000;
const REUSE_MS = 3_600_000;

interface KnownStatus {
  status: 'VALID' | 'REVOKED';
  revokedAt: Date | null;
  reason: CrlReason | null;
}

/**
 * RFC 6960 responder for the issuing CA's certificates. A request without a nonce for one certificate is answered
 * from the pre-signed cache; a nonce needs a fresh signature. Malformed requests get `malformedRequest`, never a 500.
 */
@Injectable()
export class OcspResponder {
  private issuedByUs?: ReturnType<typeof certIdIssuerMatcher>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(OcspResponderKeys) private readonly keys: OcspResponderKeys,
    @Inject(OcspResponseCache) private readonly cache: OcspResponseCache,
  ) {}

  async respond(requestDer: Uint8Array): Promise<Buffer> {
    let request;
    try {
      request = readOcspRequest(requestDer);
    } catch (err) {
      if (err instanceof MalformedOcspRequest) return ocspErrorResponse('malformedRequest');
      throw err;
    }
    const single = request.questions.length === 1 && !request.nonce ? request.questions[0] : undefined;
    const cacheKey = single?.certIdDer;
    if (cacheKey) {
      const hit = await this.cache.get(cacheKey);
      if (hit) return hit;
    }
    const known = await this.statuses(request.questions);
    const now = new Date();
    const der = this.keys.signer().sign(
      request.questions.map((q) => ({ certIdDer: q.certIdDer, certStatus: certStatus(known.get(q.serialHex)), thisUpdate: now, nextUpdate: new Date(now.getTime() + ANSWER_LIFETIME_MS) })),
      { producedAt: now, nonce: request.nonce },
    );
    const status = single && known.get(single.serialHex)?.status;
    if (cacheKey && single && status) await this.cache.put({ certId: cacheKey, serialHex: single.serialHex, status, der, reuseUntil: new Date(now.getTime() + REUSE_MS) });
    return der;
  }

  /** Statuses of the questions about our issuing CA's certificates; anything else stays unknown. */
  private async statuses(questions: OcspQuestion[]): Promise<Map<string, KnownStatus>> {
    this.issuedByUs ??= certIdIssuerMatcher(this.ca.signer('issuing').certPem);
    const serials = questions.filter((q) => this.issuedByUs!(q)).map((q) => q.serialHex);
    if (!serials.length) return new Map();
    const rows: Array<KnownStatus & { serialHex: string }> = await this.dataSource.query(
      `SELECT serial_hex AS "serialHex", status, revoked_at AS "revokedAt", revocation_reason AS "reason"
       FROM certificates WHERE serial_hex = ANY($1) AND issuer = 'issuing'`,
      [serials],
    );
    return new Map(rows.map((r) => [r.serialHex, r]));
  }
}

function certStatus(known: KnownStatus | undefined): OcspCertStatus {
  if (!known) return { status: 'unknown' };
  if (known.status === 'REVOKED') return { status: 'revoked', revokedAt: known.revokedAt!, reason: known.reason ?? undefined };
  return { status: 'good' };
}
