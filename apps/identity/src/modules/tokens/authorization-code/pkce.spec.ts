import { describe, expect, it } from 'vitest';
import { isS256Challenge, s256Challenge, verifierMatches } from './pkce.js';

describe('PKCE (RFC 7636, S256 only)', () => {
  // The example of RFC 7636 appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('computes the S256 challenge of the RFC example', () => {
    expect(s256Challenge(verifier)).toBe(challenge);
    expect(isS256Challenge(challenge)).toBe(true);
  });

  it('accepts the matching verifier and refuses any other', () => {
    expect(verifierMatches(verifier, challenge)).toBe(true);
    expect(verifierMatches(`${verifier.slice(0, -1)}Y`, challenge)).toBe(false);
  });

  it('refuses verifiers that break the grammar, and plain challenges', () => {
    expect(verifierMatches('short', s256Challenge('short'))).toBe(false);
    const tooLong = 'a'.repeat(129);
    expect(verifierMatches(tooLong, s256Challenge(tooLong))).toBe(false);
    const withSpace = `${'a'.repeat(42)} `;
    expect(verifierMatches(withSpace, s256Challenge(withSpace))).toBe(false);
    // "plain" would send the verifier itself as the challenge: never accepted.
    expect(verifierMatches(verifier, verifier)).toBe(false);
    expect(isS256Challenge(verifier + '=')).toBe(false);
  });
});
