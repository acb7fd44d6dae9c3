import { CmsSigner, HttpTimeStampClient, LocalTimeStampClient, readTimeStampToken, sha256, type TimeStampClient } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import type { Provider } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { TimeStampUnit } from './time-stamp-unit.js';
import { TsaSerials } from './tsa-serials.js';
import { ValidationData } from './validation-data.js';

/** The port every signature the platform makes goes through: what it returns is the final, archivable signature. */
export abstract class SignatureLevels {
  /**
   * A null `signedAt` leaves the signing-time attribute out, as PAdES requires (the PDF dictionary holds the time).
   * B-LT by default; B-T for a PDF signature, whose validation data belongs in the PDF's own store, not in the CMS
   * (PDF readers refuse a CMS carrying OCSP responses as other revocation info).
   */
  /** One signature per content, each given by its SHA-256 digest (the signature is detached: the bytes are not needed). */
  abstract complete(signer: CmsSigner, digests: Buffer[], signedAt: Date | null, level?: 'B-T' | 'B-LT'): Promise<Buffer[]>;
}

const unavailable = (what: string, cause: unknown) =>
  new DomainError('SIGNING.VALIDATION_DATA_UNAVAILABLE', 'unavailable', {
    vi: `Chưa lấy được ${what === 'time-stamp' ? 'dấu thời gian' : 'dữ liệu kiểm tra chứng thư'}, vui lòng thử lại`,
    en: `Could not obtain the ${what} (${cause instanceof Error ? cause.message : String(cause)}); please retry`,
  }, what);

/**
 * CAdES baseline B-LT (ETSI EN 319 122-1): each signature gets an RFC 3161 time-stamp over its value (B-T), and the
 * certificates and revocation values needed to validate it — the signer's and the time-stamping unit's OCSP
 * responses and the root's CRL — go into SignedData (B-LT). Time-stamps come from our own unit in process, or from
 * an external TSA when TSA_URL is set. Revocation values are cached, so a batch costs one RSA signature and one
 * P-256 time-stamp per document.
 */
/**
 * Where time-stamps come from. Our own unit names its certificates (TSA first, then its chain), so a B-LT token can
 * leave them out: the signature's SignedData holds them once. An external TSA's tokens carry their own.
 */
export type TimeStampSource = (withCertificates: boolean) => Promise<{ client: TimeStampClient; tsaCertificates?: Buffer[] }>;

export class CadesBaselineLt extends SignatureLevels {
  constructor(
    private readonly timeStamps: TimeStampSource,
    private readonly validationData: ValidationData,
  ) {
    super();
  }

  async complete(signer: CmsSigner, digests: Buffer[], signedAt: Date | null, level: 'B-T' | 'B-LT' = 'B-LT'): Promise<Buffer[]> {
    if (!digests.length) return [];
    const prepared = digests.map((digest) => signer.prepareDigest(digest, signedAt));
    const { client, tsaCertificates: known } = await this.timeStamps(level === 'B-T');
    let tokens: Buffer[];
    try {
      tokens = await Promise.all(prepared.map((p) => client.stamp(sha256(p.signatureValue))));
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw unavailable('time-stamp', err);
    }
    const tsa = known ? { certificatesDer: known, signerCertificateDer: known[0] } : readTimeStampToken(tokens[0]);
    const tsaCertificates = tsa.certificatesDer;
    if (level === 'B-T') return prepared.map((p, i) => signer.finish(p, { timeStampToken: tokens[i], certificates: tsaCertificates }));
    const [signerCertificate, signerIssuer] = signer.certificateChain;
    const leaves = [{ certificate: signerCertificate, issuer: signerIssuer }];
    const tsaIssuer = tsa.signerCertificateDer && issuerAmong(tsaCertificates, tsa.signerCertificateDer);
    // Our own unit's certificate is checked with our OCSP responder; an external TSA's token carries its own chain.
    if (known && tsa.signerCertificateDer && tsaIssuer) leaves.push({ certificate: tsa.signerCertificateDer, issuer: tsaIssuer });
    let revocation;
    try {
      revocation = await this.validationData.forLeaves(leaves);
    } catch (err) {
      throw unavailable('revocation data', err);
    }
    return prepared.map((p, i) => signer.finish(p, { timeStampToken: tokens[i], certificates: tsaCertificates, ...revocation }));
  }
}

function issuerAmong(certificates: Buffer[], leaf: Buffer): Buffer | undefined {
  const child = new X509Certificate(leaf);
  return certificates.find((der) => !der.equals(leaf) && child.checkIssued(new X509Certificate(der)));
}

export const signatureLevelsProvider: Provider = {
  provide: SignatureLevels,
  inject: [SIGNING_CONFIG, TimeStampUnit, TsaSerials],
  useFactory: (config: SigningConfig, unit: TimeStampUnit, serials: TsaSerials) => {
    const external = config.TSA_URL ? new HttpTimeStampClient(config.TSA_URL) : null;
    const timeStamps: TimeStampSource = async (withCertificates) => {
      if (external) return { client: external };
      const client = new LocalTimeStampClient(await unit.authority(), () => serials.allocate(), undefined, withCertificates);
      return { client, tsaCertificates: client.certificates };
    };
    return new CadesBaselineLt(timeStamps, new ValidationData(config.IDENTITY_URL));
  },
};
