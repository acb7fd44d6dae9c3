import { Inject, Injectable } from '@nestjs/common';
import { INTERCHANGE_CONFIG, type InterchangeConfig } from '../../../config.js';
import { InterchangeErrors } from '../interchange-errors.js';

/** Signing's answer, passed through to the caller: the bytes, or signing's error body. */
export interface SigningAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

const TIMEOUT_MS = 15_000;

/**
 * What interchange serves from signing, the system of record for signatures: the học bạ PDF and the signatures'
 * DER. Fetched with the caller's own bearer token, so that signing applies the same scope and issuer checks; signing
 * being down is a 503 with a code.
 */
@Injectable()
export class SigningReads {
  constructor(@Inject(INTERCHANGE_CONFIG) private readonly config: Pick<InterchangeConfig, 'SIGNING_URL'>) {}

  pdf(documentId: string, authorization: string): Promise<SigningAnswer> {
    return this.get(`/v1/renditions/${encodeURIComponent(documentId)}/pdf`, authorization, InterchangeErrors.renditionUnavailable);
  }

  signature(documentId: string, n: number, authorization: string): Promise<SigningAnswer> {
    return this.get(`/v1/signatures/${encodeURIComponent(documentId)}/${n}`, authorization, InterchangeErrors.signaturesUnavailable);
  }

  private async get(path: string, authorization: string, unavailable: () => Error): Promise<SigningAnswer> {
    let res: Response;
    try {
      res = await fetch(`${this.config.SIGNING_URL}${path}`, { headers: { authorization }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw unavailable();
    }
    if (res.status >= 500) throw unavailable();
    return { status: res.status, contentType: res.headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(await res.arrayBuffer()) };
  }
}
