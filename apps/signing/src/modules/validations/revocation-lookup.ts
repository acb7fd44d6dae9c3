import { buildOcspRequest, revocationDataExpiry, revocationPointers, type RevocationData, type RevocationSource } from '@edu/crypto';
import { createHash } from 'node:crypto';
import { fetchBytes } from './fetch-bytes.js';

/** Revocation data for certificates that signatures do not carry it for. */
export abstract class RevocationLookup implements RevocationSource {
  abstract fetch(certificate: Buffer, issuer: Buffer): Promise<RevocationData | null>;
}

export interface HttpRevocationLookupOptions {
  timeoutMs: number;
  now: () => number;
}

const MAX_OCSP_BYTES = 64 * 1024;
const MAX_CRL_BYTES = 10 * 1024 * 1024;
/** Addresses tried per kind: a certificate listing more is not worth more of our time. */
const MAX_URLS = 2;
const MAX_OCSP_ENTRIES = 5_000;
const MAX_CRL_ENTRIES = 32;

/**
 * Asks the certificate's OCSP responder (AIA, RFC 6960 over POST) and, when that gives no answer with a nextUpdate,
 * its CRL distribution point as well. Answers are kept until their nextUpdate, so that validating a school's many
 * records asks once per signer; answers without one are not kept.
 */
export class HttpRevocationLookup extends RevocationLookup {
  private readonly ocspCache = new ExpiringCache(MAX_OCSP_ENTRIES);
  private readonly crlCache = new ExpiringCache(MAX_CRL_ENTRIES);

  constructor(private readonly options: HttpRevocationLookupOptions = { timeoutMs: 3_000, now: Date.now }) {
    super();
  }

  async fetch(certificate: Buffer, issuer: Buffer): Promise<RevocationData | null> {
    const { ocspUrls, crlUrls } = revocationPointers(certificate);
    const ocsp = await this.ocsp(certificate, issuer, ocspUrls.slice(0, MAX_URLS));
    // A successful answer has a nextUpdate; an error status (tryLater, unauthorized) or an open-ended one does not.
    if (ocsp?.kept) return { ocspResponse: ocsp.response };
    const crl = await this.crl(crlUrls.slice(0, MAX_URLS));
    if (!ocsp && !crl) return null;
    return { ...(ocsp ? { ocspResponse: ocsp.response } : {}), ...(crl ? { crl } : {}) };
  }

  private async ocsp(certificate: Buffer, issuer: Buffer, urls: string[]): Promise<{ response: Buffer; kept: boolean } | undefined> {
    const key = certKey(certificate, issuer);
    const cached = this.ocspCache.get(key, this.options.now());
    if (cached) return { response: cached, kept: true };
    for (const url of urls) {
      try {
        const response = await fetchBytes(url, {
          method: 'POST',
          headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
          body: buildOcspRequest(certificate, issuer),
          timeoutMs: this.options.timeoutMs,
          maxBytes: MAX_OCSP_BYTES,
        });
        const kept = this.ocspCache.put(key, response, revocationDataExpiry({ ocspResponse: response }), this.options.now());
        return { response, kept };
      } catch {
        // unreachable, slow or refusing: try the next address
      }
    }
    return undefined;
  }

  private async crl(urls: string[]): Promise<Buffer | undefined> {
    for (const url of urls) {
      const cached = this.crlCache.get(url, this.options.now());
      if (cached) return cached;
      try {
        const crl = await fetchBytes(url, { timeoutMs: this.options.timeoutMs, maxBytes: MAX_CRL_BYTES });
        this.crlCache.put(url, crl, revocationDataExpiry({ crl }), this.options.now());
        return crl;
      } catch {
        // try the next distribution point
      }
    }
    return undefined;
  }
}

function certKey(certificate: Buffer, issuer: Buffer): string {
  return createHash('sha256').update(certificate).update(issuer).digest('hex');
}

/** A bounded map whose entries end at their own expiry; the oldest entry makes room for a new one. */
class ExpiringCache {
  private readonly entries = new Map<string, { value: Buffer; expiresAt: number }>();

  constructor(private readonly size: number) {}

  get(key: string, now: number): Buffer | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) this.entries.delete(key);
    return entry && entry.expiresAt > now ? entry.value : undefined;
  }

  /** Keeps `value` until `expiresAt`; tells whether it was kept (not when it has no expiry or is already stale). */
  put(key: string, value: Buffer, expiresAt: Date | undefined, now: number): boolean {
    if (!expiresAt || expiresAt.getTime() <= now) return false;
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: expiresAt.getTime() });
    return true;
  }
}
