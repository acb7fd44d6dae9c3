import { randomBytes } from 'node:crypto';
import type { TimeStampAuthority } from './time-stamp-authority.js';
import { timeStampQuery } from './time-stamp-request.js';
import { readTimeStampResponse, type TimeStampFailure, type TimeStampResponseInfo } from './time-stamp-response.js';
import type { TimeStampTokenInfo } from './time-stamp-token.js';
import { verifyTimeStampToken } from './verify-time-stamp-token.js';

/** Where CAdES B-T gets its time-stamp tokens: our own TSA in-process, or an external (licensed) one over HTTP. */
export abstract class TimeStampClient {
  /** A TimeStampToken (DER) over `digest`, the SHA-256 of the data being stamped. */
  abstract stamp(digest: Buffer): Promise<Buffer>;
}

/**
 * Stamps with a TimeStampAuthority in this process; `nextSerial` hands out the TSA's unique serial numbers. Tokens
 * carry the TSA's certificates unless `certReq` is false: a CAdES B-LT signature holds them once in its own
 * SignedData, where validators (ours, and `openssl ts -verify -untrusted`) find them.
 */
export class LocalTimeStampClient extends TimeStampClient {
  constructor(
    private readonly authority: TimeStampAuthority,
    private readonly nextSerial: () => Promise<bigint>,
    private readonly clock: () => Date = () => new Date(),
    private readonly certReq = true,
  ) {
    super();
  }

  /** The TSA certificate first, then its chain. */
  get certificates(): Buffer[] {
    return this.authority.certificates;
  }

  async stamp(digest: Buffer): Promise<Buffer> {
    const serial = await this.nextSerial();
    return this.authority.token({ hashAlgorithm: 'sha256', digest, certReq: this.certReq }, serial, this.clock());
  }
}

export interface HttpTimeStampClientOptions {
  /** Default 10 s, for the whole exchange. */
  timeoutMs?: number;
  /** Sent with every request, e.g. the licensed TSA's authorization. */
  headers?: Record<string, string>;
  /** When given, the TSA certificate must chain to one of these at the token's genTime. */
  trustedCaPems?: string[];
}

export type TimeStampClientProblem = 'unreachable' | 'http-status' | 'malformed-reply' | 'rejected' | 'invalid-token' | 'nonce-mismatch' | 'imprint-mismatch';

/** Why no token came back; `problem` is stable for callers to switch on. */
export class TimeStampClientError extends Error {
  constructor(
    readonly problem: TimeStampClientProblem,
    message: string,
    readonly details: { httpStatus?: number; failInfo?: TimeStampFailure[]; statusString?: string } = {},
  ) {
    super(message);
  }
}

const MAX_REPLY_BYTES = 1 << 20;

/**
 * Asks an RFC 3161 TSA over HTTP (RFC 3161 §3.4): posts `application/timestamp-query` with a random nonce and
 * certReq, then accepts the reply only if it is granted, echoes the nonce and the imprint, and its token verifies.
 */
export class HttpTimeStampClient extends TimeStampClient {
  constructor(
    private readonly url: string,
    private readonly options: HttpTimeStampClientOptions = {},
  ) {
    super();
  }

  async stamp(digest: Buffer): Promise<Buffer> {
    if (digest.length !== 32) throw new Error('HttpTimeStampClient: the digest must be a SHA-256 (32 bytes)');
    const nonce = randomBytes(16);
    nonce[0] = (nonce[0] & 0x7f) || 1; // a positive INTEGER with no leading zero byte
    const reply = await this.exchange(timeStampQuery({ hashAlgorithm: 'sha256', digest, nonce, certReq: true }));
    if (reply.status > 1 || !reply.token) {
      throw new TimeStampClientError('rejected', `the TSA refused: status ${reply.status}${reply.statusString ? ` (${reply.statusString})` : ''}`, {
        failInfo: reply.failInfo,
        statusString: reply.statusString,
      });
    }
    let info: TimeStampTokenInfo;
    try {
      info = verifyTimeStampToken(reply.token, { trustedCaPems: this.options.trustedCaPems });
    } catch (err) {
      throw new TimeStampClientError('invalid-token', `the TSA's token does not verify: ${(err as Error).message}`);
    }
    if (!info.nonce?.equals(nonce)) throw new TimeStampClientError('nonce-mismatch', 'the token does not carry our nonce');
    if (info.hashAlgorithm !== 'sha256' || !info.digest.equals(digest)) throw new TimeStampClientError('imprint-mismatch', 'the token stamps another imprint');
    return reply.token;
  }

  private async exchange(query: Buffer): Promise<TimeStampResponseInfo> {
    let status: number;
    let body: Buffer;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply', ...this.options.headers },
        body: query,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      status = response.status;
      body = Buffer.from(await response.arrayBuffer());
    } catch (err) {
      throw new TimeStampClientError('unreachable', `no answer from the TSA at ${this.url}: ${(err as Error).message}`);
    }
    if (status !== 200) throw new TimeStampClientError('http-status', `the TSA answered HTTP ${status}`, { httpStatus: status });
    if (body.length > MAX_REPLY_BYTES) throw new TimeStampClientError('malformed-reply', `the reply is larger than ${MAX_REPLY_BYTES} bytes`);
    try {
      return readTimeStampResponse(body);
    } catch (err) {
      throw new TimeStampClientError('malformed-reply', `the reply is not a TimeStampResp: ${(err as Error).message}`);
    }
  }
}
