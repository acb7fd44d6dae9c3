import { exportPublicKeyPem } from '@edu/crypto';
import { describe, expect, it } from 'vitest';
import { buildSealPki } from '../../testing/seal-pki.js';
import { certificateBindingProblem } from './certificate-binding.js';

describe('certificateBindingProblem', () => {
  const pki = buildSealPki();
  const pendingKeyPem = exportPublicKeyPem(pki.sealKey);
  const chainPem = [pki.issuingPem, pki.rootPem];

  it('accepts the certificate of our pending key issued by the first chain CA', () => {
    expect(certificateBindingProblem({ certificatePem: pki.sealPem, chainPem }, pendingKeyPem)).toBeNull();
  });

  it('refuses a certificate over another public key', () => {
    expect(certificateBindingProblem({ certificatePem: pki.otherSealPem, chainPem }, pendingKeyPem)).toMatch(/public key differs/);
  });

  it('refuses a chain whose first certificate did not issue it', () => {
    expect(certificateBindingProblem({ certificatePem: pki.sealPem, chainPem: [pki.rootPem] }, pendingKeyPem)).toMatch(/not issued/);
    expect(certificateBindingProblem({ certificatePem: pki.sealPem, chainPem: [] }, pendingKeyPem)).toMatch(/chain is empty/);
  });

  it('refuses garbage', () => {
    expect(certificateBindingProblem({ certificatePem: 'nope', chainPem }, pendingKeyPem)).toMatch(/not a valid/);
  });
});
