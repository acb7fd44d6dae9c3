import { isUuid } from '@edu/contracts';
import { parseCertificate, validateCertificatePath } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID, X509Certificate } from 'node:crypto';
import { PkiErrors } from './pki-errors.js';

export interface TrustAnchorView {
  id: string;
  subject: string;
  fingerprintSha256: string;
  notAfter: string;
  enabled: boolean;
  addedBy: string;
  createdAt: string;
  disabledAt: string | null;
}

const VIEW = `id, subject, fingerprint_sha256 AS "fingerprintSha256", not_after AS "notAfter", enabled, added_by AS "addedBy",
  created_at AS "createdAt", disabled_at AS "disabledAt"`;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/**
 * External CAs whose certificates signing accepts on external signatures (licensed Vietnamese CAs behind teachers'
 * USB tokens). An anchor must be a CA certificate valid now, either self-signed or sent with the chain up to a
 * self-signed root; only the anchor itself is kept and published.
 */
@Injectable()
export class TrustAnchorRegistry {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async add(pem: unknown, addedBy: string): Promise<TrustAnchorView> {
    const [anchor, ...chain] = certificates(pem);
    const problem = anchorProblem(anchor, chain);
    if (problem) throw PkiErrors.trustAnchorInvalid(problem.en, problem.vi);
    const fingerprint = anchor.fingerprint256.replaceAll(':', '').toLowerCase();
    return this.dataSource.transaction(async (em) => {
      const [existing] = await em.query('SELECT id FROM trust_anchors WHERE fingerprint_sha256 = $1', [fingerprint]);
      if (existing) throw PkiErrors.trustAnchorDuplicate(existing.id);
      const [row] = await em.query(
        `INSERT INTO trust_anchors (id, subject, fingerprint_sha256, certificate_pem, not_after, added_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (fingerprint_sha256) DO NOTHING RETURNING ${VIEW}`,
        [randomUUID(), parseCertificate(anchor.raw).subject, fingerprint, anchor.toString(), new Date(anchor.validTo), addedBy],
      );
      if (!row) throw PkiErrors.trustAnchorDuplicate(fingerprint);
      return row;
    });
  }

  list(): Promise<TrustAnchorView[]> {
    return this.dataSource.query(`SELECT ${VIEW} FROM trust_anchors ORDER BY created_at, id`);
  }

  /** Idempotent: disabling a disabled anchor returns it unchanged. */
  async disable(id: string): Promise<TrustAnchorView> {
    if (!isUuid(id)) throw PkiErrors.trustAnchorNotFound(id);
    const [[row]] = await this.dataSource.query(
      `UPDATE trust_anchors SET enabled = false, disabled_at = coalesce(disabled_at, now()) WHERE id = $1 RETURNING ${VIEW}`,
      [id],
    );
    if (!row) throw PkiErrors.trustAnchorNotFound(id);
    return row;
  }

  /** The enabled anchors, expired ones included: signatures made while they were valid are still checked against them. */
  async enabledPems(): Promise<string> {
    const rows: Array<{ certificate_pem: string }> = await this.dataSource.query('SELECT certificate_pem FROM trust_anchors WHERE enabled ORDER BY created_at, id');
    return rows.map((r) => r.certificate_pem).join('');
  }
}

function certificates(pem: unknown): X509Certificate[] {
  if (typeof pem !== 'string' || pem.length > 65_536) throw PkiErrors.invalid('certificatePem', 'certificatePem must be PEM text of at most 64 KiB', 'certificatePem phải là văn bản PEM tối đa 64 KiB');
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (!blocks.length) throw PkiErrors.trustAnchorInvalid('no PEM certificate found', 'Không tìm thấy chứng thư PEM');
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    throw PkiErrors.trustAnchorInvalid('a PEM block is not a valid X.509 certificate', 'Có khối PEM không phải chứng thư X.509 hợp lệ');
  }
}

function anchorProblem(anchor: X509Certificate, chain: X509Certificate[]): { en: string; vi: string } | undefined {
  if (!anchor.ca) return { en: 'the certificate is not a CA certificate', vi: 'Chứng thư không phải của tổ chức chứng thực (CA)' };
  const now = new Date();
  if (now < new Date(anchor.validFrom) || now > new Date(anchor.validTo)) return { en: 'the CA certificate is not valid now', vi: 'Chứng thư CA không còn hoặc chưa có hiệu lực' };
  const selfSigned = anchor.checkIssued(anchor) && anchor.verify(anchor.publicKey);
  if (selfSigned) return undefined;
  const roots = chain.filter((c) => c.checkIssued(c) && c.verify(c.publicKey));
  const path = validateCertificatePath(anchor, chain, roots, now);
  if (!path.ok) return { en: `the CA certificate is not self-signed and its chain does not verify: ${path.reason}`, vi: 'Chứng thư CA không tự ký và chuỗi chứng thư kèm theo không hợp lệ' };
  return undefined;
}
