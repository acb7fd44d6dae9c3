import { buildOcspRequest, ocspFinding, revocationDataExpiry } from '@edu/crypto';
import { X509Certificate } from 'node:crypto';

export interface RevocationValues {
  crls: Buffer[];
  ocspResponses: Buffer[];
}

/** A cached answer is used until shortly before its nextUpdate, and never longer than this. */
const MAX_AGE_MS = 60 * 60_000;
const EARLY_MS = 60_000;
const TIMEOUT_MS = 5_000;

interface Cached {
  der: Buffer;
  until: number;
}

/**
 * The revocation values a CAdES B-LT signature embeds, fetched from identity and cached until shortly before their
 * nextUpdate: an OCSP response for each end-entity certificate (the signer's, the time-stamping unit's) and the root's
 * CRL for the issuing CA. Fetches are shared by concurrent callers, so a batch costs at most one request per
 * certificate per hour, not one per signature.
 */
export class ValidationData {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly identityUrl: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /** For end-entity certificates (leaf first, its issuer second): OCSP for each leaf, the root CRL for the CA. */
  async forLeaves(leaves: Array<{ certificate: Buffer; issuer: Buffer }>): Promise<RevocationValues> {
    const ocspResponses = await Promise.all(leaves.map((l) => this.ocsp(l.certificate, l.issuer)));
    return { crls: [await this.rootCrl()], ocspResponses };
  }

  private ocsp(certificate: Buffer, issuer: Buffer): Promise<Buffer> {
    const cert = new X509Certificate(certificate);
    return this.cached(`ocsp|${cert.serialNumber}`, async () => {
      const der = await this.post(`${this.identityUrl}/pki/ocsp`, buildOcspRequest(certificate, issuer));
      // Checked as a verifier will: signed by the issuer or its responder, about this certificate, and good.
      const finding = ocspFinding(der, { cert, issuer: new X509Certificate(issuer), validationTime: new Date() });
      if (finding?.status !== 'good') throw new Error(`OCSP does not say the certificate is good (${finding ? finding.status : 'no answer for it'})`);
      return { der, until: finding.nextUpdate?.getTime() ?? Date.now() + MAX_AGE_MS };
    });
  }

  private rootCrl(): Promise<Buffer> {
    return this.cached('crl|root', async () => {
      const der = await this.get(`${this.identityUrl}/pki/crl/root.crl`);
      return { der, until: revocationDataExpiry({ crl: der })?.getTime() ?? Date.now() + MAX_AGE_MS };
    });
  }

  private async cached(key: string, load: () => Promise<Cached>): Promise<Buffer> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.der;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = load()
        .then((c) => {
          this.cache.set(key, { der: c.der, until: Math.min(c.until - EARLY_MS, Date.now() + MAX_AGE_MS) });
          return c.der;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async post(url: string, body: Buffer): Promise<Buffer> {
    const res = await this.fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`OCSP responder answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  private async get(url: string): Promise<Buffer> {
    const res = await this.fetchFn(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
}
