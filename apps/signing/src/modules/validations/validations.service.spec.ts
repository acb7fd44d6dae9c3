import { buildCrl, CmsSigner, generateRsaKeyPair, issueCertificate, type RevocationData } from '@edu/crypto';
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SigningErrors } from '../../signing-errors.js';
import { RevocationLookup } from './revocation-lookup.js';
import { TrustAnchors } from './trust-anchors.js';
import { ValidationsService } from './validations.service.js';

class FakeAnchors extends TrustAnchors {
  constructor(private readonly anchors: Buffer[] | Error) {
    super();
  }
  async current(): Promise<Buffer[]> {
    if (this.anchors instanceof Error) throw this.anchors;
    return this.anchors;
  }
}

/** Answers by issuer: each CA's CRL. */
class FakeRevocation extends RevocationLookup {
  readonly asked: Array<[Buffer, Buffer]> = [];
  constructor(private readonly answers: Map<string, RevocationData> | null) {
    super();
  }
  async fetch(certificate: Buffer, issuer: Buffer): Promise<RevocationData | null> {
    this.asked.push([certificate, issuer]);
    return this.answers?.get(issuer.toString('hex')) ?? null;
  }
}

describe('ValidationsService', () => {
  const content = Buffer.from('{"bangDiem":"HK1"}');
  let rootDer: Buffer;
  let issuingDer: Buffer;
  let sealDer: Buffer;
  let cms: Buffer;
  let crls: Map<string, RevocationData>;

  beforeAll(() => {
    const rootKeys = generateRsaKeyPair();
    const root = { privateKey: rootKeys.privateKey, certPem: issueCertificate({ profile: 'root-ca', subject: { commonName: 'Root' }, publicKey: rootKeys.publicKey, issuer: { selfSigned: true, privateKey: rootKeys.privateKey } }) };
    const issuingKeys = generateRsaKeyPair();
    const issuing = { privateKey: issuingKeys.privateKey, certPem: issueCertificate({ profile: 'issuing-ca', subject: { commonName: 'Issuing' }, publicKey: issuingKeys.publicKey, issuer: root }) };
    const sealKeys = generateRsaKeyPair();
    const sealPem = issueCertificate({ profile: 'seal', subject: { commonName: 'Trường TH Lê Lợi' }, publicKey: sealKeys.publicKey, issuer: issuing });
    cms = new CmsSigner({ signerCertPem: sealPem, chainPems: [issuing.certPem], privateKey: sealKeys.privateKey }).sign(content);
    [rootDer, issuingDer, sealDer] = [root.certPem, issuing.certPem, sealPem].map((pem) => new X509Certificate(pem).raw);
    const crlOf = (issuer: typeof root) => buildCrl({ issuer, crlNumber: 1n, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 3_600_000), entries: [] });
    crls = new Map([[issuingDer.toString('hex'), { crl: crlOf(issuing) }], [rootDer.toString('hex'), { crl: crlOf(root) }]]);
  });

  it('validates against the current trust anchors, asking the revocation port about the signer and its issuing CA', async () => {
    const revocation = new FakeRevocation(crls);
    const report = await new ValidationsService(new FakeAnchors([rootDer]), revocation).validate({ content, signatures: [cms] });
    expect(report).toMatchObject({ indication: 'PASSED', signatures: [{ level: 'B-B', indication: 'PASSED' }] });
    expect(revocation.asked).toEqual([[sealDer, issuingDer], [issuingDer, rootDer]]);
  });

  it('cannot confirm a signature when its CA is not among the anchors, and asks nothing about it', async () => {
    const revocation = new FakeRevocation(crls);
    const report = await new ValidationsService(new FakeAnchors([]), revocation).validate({ content, signatures: [cms] });
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(revocation.asked).toEqual([]);
  });

  it('lets the unavailability of trust anchors through as a 503 error', async () => {
    const service = new ValidationsService(new FakeAnchors(SigningErrors.trustAnchorsUnavailable()), new FakeRevocation(null));
    await expect(service.validate({ content, signatures: [cms] })).rejects.toMatchObject({ code: 'SIGNING.TRUST_ANCHORS_UNAVAILABLE' });
  });
});
