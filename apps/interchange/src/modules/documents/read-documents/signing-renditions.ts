import { Inject, Injectable } from '@nestjs/common';
import { INTERCHANGE_CONFIG, type InterchangeConfig } from '../../../config.js';
import { InterchangeErrors } from '../interchange-errors.js';

export interface Rendition {
  status: number;
  contentType: string;
  body: Buffer;
}

const TIMEOUT_MS = 15_000;

/**
 * Signing's renditions, fetched with the caller's own bearer token so that signing applies the same scope and
 * issuer checks. Signing's answer (the PDF, or its error body) passes through; signing being down is a 503.
 */
@Injectable()
export class SigningRenditions {
  constructor(@Inject(INTERCHANGE_CONFIG) private readonly config: Pick<InterchangeConfig, 'SIGNING_URL'>) {}

  async pdf(documentId: string, authorization: string): Promise<Rendition> {
    let res: Response;
    try {
      res = await fetch(`${this.config.SIGNING_URL}/v1/renditions/${encodeURIComponent(documentId)}/pdf`, {
        headers: { authorization },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw InterchangeErrors.renditionUnavailable();
    }
    if (res.status >= 500) throw InterchangeErrors.renditionUnavailable();
    return { status: res.status, contentType: res.headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(await res.arrayBuffer()) };
  }
}
