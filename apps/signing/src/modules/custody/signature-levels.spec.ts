import { buildCrl, CmsSigner, generateKeyPair, issueCertificate, LocalTimeStampClient, OcspResponseSigner, readOcspRequest, TimeStampAuthority, type OcspCertStatus } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createHash, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { opensslIn, opensslVerifyDetached } from '../../../../../test/support/openssl.js';
import { CadesBaselineLt } from './signature-levels.js';
import { ValidationData } from './validation-data.js';
import { scratchDir } from '../../../../../test/support/scratch-dir.js';

const IDENTITY = 'http://identity.test';
const content = (n: number) => Buffer.from(JSON.stringify({ hocSinh: `Học sinh ${n}`, lop: '12A1', xepLoai: 'Tốt' }));
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/** root → issuing CA → (seal, TSA, OCSP responder), and an identity that answers OCSP and the root CRL. */
function world(ocspStatus: () => OcspCertStatus) {
  const root = generateKeyPair('RSA-2048');
  const rootPem = issueCertificate({ profile: 'root-ca', subject: { commonName: 'Root CA' }, publicKey: root.publicKey, issuer: { selfSigned: true, privateKey: root.privateKey } });
  const issuingKeys = generateKeyPair('RSA-2048');
  const issuingPem = issueCertificate({ profile: 'issuing-ca', subject: { commonName: 'Issuing CA' }, publicKey: issuingKeys.publicKey, issuer: { certPem: rootPem, privateKey: root.privateKey } });
  const issuing = { certPem: issuingPem, privateKey: issuingKeys.privateKey };
  const leaf = (profile: 'seal' | 'tsa' | 'ocsp', algorithm: 'RSA-2048' | 'EC-P256', name: string) => {
    const keys = generateKeyPair(algorithm);
    return { key: keys.privateKey, pem: issueCertificate({ profile, subject: { commonName: name, serialNumber: '31000101' }, publicKey: keys.publicKey, issuer: issuing }) };
  };
  const seal = leaf('seal', 'RSA-2048', 'Trường THPT Trần Phú');
  const tsa = leaf('tsa', 'EC-P256', 'TSA');
  const responder = leaf('ocsp', 'EC-P256', 'OCSP');
  const ocsp = new OcspResponseSigner(responder.pem, responder.key);
  const fetches: string[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    fetches.push(url);
    if (url === `${IDENTITY}/pki/ocsp`) {
      const { questions } = readOcspRequest(Buffer.from(init!.body as Uint8Array));
      const now = new Date();
      const answers = questions.map((q) => ({ certIdDer: q.certIdDer, certStatus: ocspStatus(), thisUpdate: now, nextUpdate: new Date(now.getTime() + 3_600_000) }));
      return new Response(new Uint8Array(ocsp.sign(answers, { producedAt: now })));
    }
    if (url === `${IDENTITY}/pki/crl/root.crl`)
      return new Response(new Uint8Array(buildCrl({ issuer: { certPem: rootPem, privateKey: root.privateKey }, crlNumber: 1n, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 86_400_000), entries: [] })));
    return new Response('no', { status: 404 });
  }) as typeof fetch;
  let serial = 0n;
  const authority = new TimeStampAuthority({ certificatePem: tsa.pem, chainPems: [issuingPem, rootPem], privateKey: tsa.key, policyOid: '2.25.1' });
  const levels = new CadesBaselineLt(async (withCertificates) => {
    const client = new LocalTimeStampClient(authority, async () => ++serial, undefined, withCertificates);
    return { client, tsaCertificates: client.certificates };
  }, new ValidationData(IDENTITY, fetchFn));
  const signer = new CmsSigner({ signerCertPem: seal.pem, chainPems: [issuingPem, rootPem], privateKey: seal.key });
  return { levels, signer, fetches, chainPem: `${rootPem}${issuingPem}`, serial: () => serial, tsaDer: new X509Certificate(tsa.pem).raw };
}

function signedData(cms: Buffer): pkijs.SignedData {
  return new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
}

describe('CadesBaselineLt: the signatures the platform makes', () => {
  let w: ReturnType<typeof world>;
  let status: OcspCertStatus;

  beforeAll(() => {
    status = { status: 'good' };
    w = world(() => status);
  });

  it('makes B-LT: a time-stamp per signature, and the OCSP answers and root CRL embedded; OpenSSL verifies each', async () => {
    const signed = await w.levels.complete(w.signer, [digest(content(1)), digest(content(2))], new Date());
    expect(signed).toHaveLength(2);
    expect(w.serial()).toBe(2n);
    for (const [i, cms] of signed.entries()) {
      const verified = opensslVerifyDetached(content(i + 1), cms, w.chainPem);
      expect(verified.ok, verified.output).toBe(true);
      const sd = signedData(cms);
      expect(sd.version).toBe(5);
      // the root's CRL, the signer's and the TSA's OCSP responses
      expect(sd.crls).toHaveLength(3);
      expect(sd.signerInfos[0].unsignedAttrs?.attributes.map((a) => a.type)).toEqual(['1.2.840.113549.1.9.16.2.14']);
      // The token leaves the TSA's certificates out: the signature holds them once, where `-untrusted` finds them.
      const token = Buffer.from(sd.signerInfos[0].unsignedAttrs!.attributes[0].values[0].toBER());
      expect(signedData(token).certificates ?? []).toHaveLength(0);
      const held = (sd.certificates ?? []).map((c) => Buffer.from((c as pkijs.Certificate).toSchema().toBER()));
      expect(held.some((der) => der.equals(w.tsaDer))).toBe(true);
      const dir = scratchDir('edu-blt-');
      writeFileSync(join(dir, 'token.der'), token);
      writeFileSync(join(dir, 'sig.bin'), Buffer.from(sd.signerInfos[0].signature.valueBlock.valueHexView));
      writeFileSync(join(dir, 'chain.pem'), w.chainPem);
      writeFileSync(join(dir, 'tsa.pem'), new X509Certificate(w.tsaDer).toString());
      const ts = opensslIn(dir, ['ts', '-verify', '-data', 'sig.bin', '-in', 'token.der', '-token_in', '-CAfile', 'chain.pem', '-untrusted', 'tsa.pem']);
      expect(ts.status, ts.out).toBe(0);
    }
  });

  it('fetches validation data once and reuses it until shortly before its next update', async () => {
    const before = w.fetches.length;
    await w.levels.complete(w.signer, [digest(content(3))], new Date());
    expect(w.fetches.length).toBe(before);
  });

  it('makes B-T for PDFs: the time-stamp and no revocation values, and no signing time when asked', async () => {
    const [cms] = await w.levels.complete(w.signer, [digest(content(4))], null, 'B-T');
    const sd = signedData(cms);
    expect(sd.crls ?? []).toHaveLength(0);
    expect(sd.signerInfos[0].signedAttrs?.attributes.map((a) => a.type)).not.toContain('1.2.840.113549.1.9.5');
    expect(opensslVerifyDetached(content(4), cms, w.chainPem).ok).toBe(true);
  });

  it('refuses to make B-LT when the signer is not good according to OCSP (a transient, retryable error)', async () => {
    status = { status: 'revoked', revokedAt: new Date() };
    const fresh = world(() => status);
    const err = await fresh.levels.complete(fresh.signer, [digest(content(5))], new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('SIGNING.VALIDATION_DATA_UNAVAILABLE');
    expect((err as DomainError).kind).toBe('unavailable');
  });
});
