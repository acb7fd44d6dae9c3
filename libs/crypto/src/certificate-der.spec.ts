import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { certificateParts } from './certificate-der.js';
import { buildTestPki } from './testing/test-pki.js';

describe('certificateParts', () => {
  const pki = buildTestPki();

  it('takes the serial number and issuer name byte for byte, from PEM or DER', () => {
    for (const pem of [pki.root.certPem, pki.issuing.certPem, pki.seal.certPem]) {
      const der = new X509Certificate(pem).raw;
      const decoded = pkijs.Certificate.fromBER(der);
      const parts = certificateParts(pem);
      expect(parts.der.equals(der)).toBe(true);
      expect(parts.serialDer.equals(Buffer.from(decoded.serialNumber.toBER()))).toBe(true);
      expect(parts.serialValue.equals(Buffer.from(decoded.serialNumber.valueBlock.valueHexView))).toBe(true);
      expect(parts.issuerDer.equals(Buffer.from(decoded.issuer.toSchema().toBER()))).toBe(true);
      expect(certificateParts(der)).toEqual(parts);
    }
  });

  it('refuses DER that is not a certificate', () => {
    expect(() => certificateParts(Buffer.from('not der'))).toThrow(/certificate/);
    expect(() => certificateParts(Buffer.from([0x30, 3, 0x02, 1, 5]))).toThrow(/TBSCertificate/);
    expect(() => certificateParts(Buffer.from([0x30, 5, 0x30, 3, 0x02, 1, 5]))).toThrow(/malformed/);
  });
});
