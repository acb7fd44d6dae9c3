import { Logger } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { SigningErrors } from '../../signing-errors.js';
import { fetchBytes } from './fetch-bytes.js';

/** The CA certificates a signature must chain to (DER). */
export abstract class TrustAnchors {
  abstract current(): Promise<Buffer[]>;
}

export interface IdentityTrustAnchorsOptions {
  /** How long a fetched set is used before asking identity again. */
  refreshMs: number;
  /** How long an old set keeps serving while identity cannot be reached. */
  staleMs: number;
  timeoutMs: number;
  now: () => number;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;
const MAX_PEM_BYTES = 1024 * 1024;

/**
 * Identity's published anchors: its own CA chain (`/pki/ca/chain.pem`, issuing and root) and the external CAs operators
 * enabled (`/pki/trust-anchors.pem`, licensed CAs behind teachers' tokens). Kept for a short while so that a burst of
 * validations costs one fetch, and served stale for a while when identity is down.
 */
export class IdentityTrustAnchors extends TrustAnchors {
  private readonly logger = new Logger('TrustAnchors');
  private cached?: { anchors: Buffer[]; at: number };
  private refreshing?: Promise<Buffer[]>;

  constructor(
    private readonly identityUrl: string,
    private readonly options: IdentityTrustAnchorsOptions = { refreshMs: 60_000, staleMs: 3_600_000, timeoutMs: 5_000, now: Date.now },
  ) {
    super();
  }

  async current(): Promise<Buffer[]> {
    const age = this.cached ? this.options.now() - this.cached.at : Infinity;
    if (this.cached && age < this.options.refreshMs) return this.cached.anchors;
    this.refreshing ??= this.fetchAnchors().finally(() => (this.refreshing = undefined));
    try {
      return await this.refreshing;
    } catch (err) {
      if (this.cached && age < this.options.staleMs) {
        this.logger.warn(`identity unreachable, using trust anchors from ${Math.round(age / 1000)} s ago: ${(err as Error).message}`);
        return this.cached.anchors;
      }
      throw SigningErrors.trustAnchorsUnavailable();
    }
  }

  private async fetchAnchors(): Promise<Buffer[]> {
    const base = this.identityUrl.replace(/\/+$/, '');
    const bundles = await Promise.all(
      ['/pki/ca/chain.pem', '/pki/trust-anchors.pem'].map((path) => fetchBytes(`${base}${path}`, { timeoutMs: this.options.timeoutMs, maxBytes: MAX_PEM_BYTES })),
    );
    const anchors = bundles.flatMap((pem) => pem.toString('latin1').match(PEM_CERTIFICATE) ?? []).flatMap(certificateDer);
    if (!anchors.length) throw new Error('identity published no CA certificate');
    this.cached = { anchors, at: this.options.now() };
    return anchors;
  }
}

function certificateDer(pem: string): Buffer[] {
  try {
    return [new X509Certificate(pem).raw];
  } catch {
    return [];
  }
}
