import { TOKEN_ISSUER } from '@edu/auth';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { AssertionErrors } from './assertion-errors.js';
import { AssertionReplayGuard } from './assertion-replay-guard.js';
import { isAssertionAlgorithm, keyFitsAlgorithm } from './client-jwks.js';

/** An assertion may live at most this long from now (its exp), so its jti need only be remembered as long. */
export const ASSERTION_MAX_LIFETIME_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Checks a private_key_jwt client assertion (RFC 7523 §3, OIDC Core §9): signed with one of the client's registered
 * keys (RS256, PS256, ES256), iss = sub = client id, aud = the token endpoint or the issuer, exp at most five minutes
 * ahead, and a jti never seen before. Every refusal is an AssertionErrors 401.
 */
@Injectable()
export class ClientAssertionVerifier {
  readonly audiences: string[];

  constructor(
    @Inject(AssertionReplayGuard) private readonly replay: AssertionReplayGuard,
    @Inject(IDENTITY_CONFIG) config: Pick<IdentityConfig, 'IDENTITY_PUBLIC_URL'>,
  ) {
    this.audiences = [`${config.IDENTITY_PUBLIC_URL.replace(/\/+$/, '')}/oauth2/token`, TOKEN_ISSUER];
  }

  async verify(em: EntityManager, clientId: string, jwks: { keys: JWK[] } | null, assertion: string, now = new Date()): Promise<void> {
    const key = await this.keyFor(jwks, assertion);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(assertion, key.key, {
        algorithms: [key.alg],
        issuer: clientId,
        subject: clientId,
        audience: this.audiences,
        requiredClaims: ['exp', 'jti'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
      }));
    } catch (err) {
      throw this.refusal(err);
    }
    const exp = payload.exp!;
    if (exp - now.getTime() / 1000 > ASSERTION_MAX_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS)
      throw AssertionErrors.tooLong(ASSERTION_MAX_LIFETIME_SECONDS);
    if (typeof payload.jti !== 'string' || !payload.jti || payload.jti.length > 256) throw AssertionErrors.missingClaim('jti');
    if (!(await this.replay.claim(em, clientId, payload.jti, new Date(exp * 1000)))) throw AssertionErrors.replayed();
  }

  private async keyFor(jwks: { keys: JWK[] } | null, assertion: string) {
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      if (assertion.split('.').length !== 3) throw new TypeError('not a JWS');
      header = decodeProtectedHeader(assertion);
    } catch {
      throw AssertionErrors.malformed();
    }
    const alg = header.alg;
    if (!isAssertionAlgorithm(alg)) throw AssertionErrors.algorithm(alg);
    const keys = jwks?.keys ?? [];
    // Without a kid, a client with a single key is understood to have used it.
    const jwk = header.kid === undefined ? (keys.length === 1 ? keys[0] : undefined) : keys.find((k) => k.kid === header.kid);
    if (!jwk) throw AssertionErrors.unknownKey(header.kid);
    if (!keyFitsAlgorithm(jwk, alg)) throw AssertionErrors.algorithm(alg);
    return { alg, key: await importJWK(jwk, alg) };
  }

  private refusal(err: unknown): Error {
    if (err instanceof errors.JWTExpired) return AssertionErrors.expired();
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.reason === 'missing') return AssertionErrors.missingClaim(err.claim);
      if (err.claim === 'aud') return AssertionErrors.wrongAudience(this.audiences[0]);
      if (err.claim === 'iss' || err.claim === 'sub') return AssertionErrors.wrongIssuer(err.claim);
      if (err.claim === 'nbf' || err.claim === 'iat') return AssertionErrors.notYetValid(err.claim);
      return AssertionErrors.malformed();
    }
    if (err instanceof errors.JWSSignatureVerificationFailed) return AssertionErrors.signature();
    if (err instanceof errors.JOSEError || err instanceof TypeError) return AssertionErrors.malformed();
    return err as Error;
  }
}
