import * as pkijs from 'pkijs';
import * as asn1js from 'asn1js';
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
    const key = `ocsp|${new X509Certificate(certificate).serialNumber}`;
    return this.cached(key, async () => {
      const request = await ocspRequest(certificate, issuer);
      const der = await this.post(`${this.identityUrl}/pki/ocsp`, request);
      return { der, until: ocspUntil(der) };
    });
  }

  private rootCrl(): Promise<Buffer> {
    return this.cached('crl|root', async () => {
      const der = await this.get(`${this.identityUrl}/pki/crl/root.crl`);
      const crl = pkijs.CertificateRevocationList.fromBER(der);
      return { der, until: crl.nextUpdate ? crl.nextUpdate.value.getTime() : Date.now() + MAX_AGE_MS };
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

async function ocspRequest(certificate: Buffer, issuer: Buffer): Promise<Buffer> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(pkijs.Certificate.fromBER(certificate), {
    hashAlgorithm: 'SHA-256',
    issuerCertificate: pkijs.Certificate.fromBER(issuer),
  });
  return Buffer.from(request.toSchema(true).toBER(false));
}

/** The single response's nextUpdate; a response that is not `successful` and `good` is refused. */
function ocspUntil(der: Buffer): number {
  const response = pkijs.OCSPResponse.fromBER(der);
  if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) throw new Error('OCSP responder did not answer successfully');
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
  const [single] = basic.tbsResponseData.responses;
  if (!single) throw new Error('OCSP response holds no answer');
  const status = single.certStatus as asn1js.BaseBlock;
  if (status.idBlock.tagNumber !== 0) throw new Error('the certificate is not good according to OCSP');
  return single.nextUpdate ? single.nextUpdate.getTime() : Date.now() + MAX_AGE_MS;
}
