import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encode, Tag, tlv } from '../der.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair, type GeneratedKeyAlgorithm } from '../key-algorithms.js';
import { openssl } from '../testing/openssl.js';
import { buildTestPki, type TestPki } from '../testing/test-pki.js';
import { TimeStampAuthority } from './time-stamp-authority.js';
import { readTimeStampRequest, timeStampQuery } from './time-stamp-request.js';
import { readTimeStampResponse, type TimeStampFailure } from './time-stamp-response.js';
import { readTimeStampToken, TimeStampTokenError } from './time-stamp-token.js';
import { verifyTimeStampToken } from './verify-time-stamp-token.js';

const POLICY = '1.3.6.1.4.1.58312.1.3161';
const data = Buffer.from('{"hocBa":"Lê Thị Hoa","lop":"12A1"}', 'utf8');

function makeTsa(pki: TestPki, algorithm: GeneratedKeyAlgorithm, accuracyMillis?: number) {
  const keys = generateKeyPair(algorithm);
  const certPem = issueCertificate({ profile: 'tsa', subject: { commonName: `Sở GD&ĐT Hải Phòng – TSA ${algorithm}`, serialNumber: 'TSA-HP' }, publicKey: keys.publicKey, issuer: pki.issuing });
  return { certPem, authority: new TimeStampAuthority({ certificatePem: certPem, chainPems: [pki.issuing.certPem], privateKey: keys.privateKey, policyOid: POLICY, accuracyMillis }) };
}

describe('TimeStampAuthority', () => {
  let pki: TestPki;
  let files: Record<string, string | Buffer>;
  const serials = (first: bigint) => {
    let next = first;
    return vi.fn(async () => next++);
  };

  beforeAll(() => {
    pki = buildTestPki();
    files = { 'data.bin': data, 'chain.pem': pki.root.certPem + pki.issuing.certPem };
  });

  const opensslQuery = (...options: string[]) => openssl(['ts', '-query', '-data', 'data.bin', ...options, '-out', 'q.tsq'], files, 'q.tsq').output!;
  const opensslVerify = (query: Buffer, reply: Buffer, ...extra: string[]) =>
    openssl(['ts', '-verify', '-queryfile', 'q.tsq', '-in', 'r.tsr', '-CAfile', 'chain.pem', ...extra], { ...files, 'q.tsq': query, 'r.tsr': reply });
  const replyText = (reply: Buffer) => openssl(['ts', '-reply', '-in', 'r.tsr', '-text'], { 'r.tsr': reply }).stdout;

  for (const algorithm of ['EC-P256', 'RSA-2048'] as const) {
    it(`grants a reply OpenSSL verifies against the query, with an ${algorithm} TSA key`, async () => {
      const { authority } = makeTsa(pki, algorithm);
      const query = opensslQuery('-sha256', '-cert');
      const serial = serials(0x1d2c3b4a59687n);
      const reply = await authority.reply(query, serial, new Date());
      const run = opensslVerify(query, reply);
      expect(run.stdout).toContain('Verification: OK');
      expect(run.status).toBe(0);
      expect(serial).toHaveBeenCalledTimes(1);
    });
  }

  it('shows policy, serial, nonce, accuracy and genTime with milliseconds in OpenSSL text', async () => {
    const { authority } = makeTsa(pki, 'EC-P256', 1500);
    const query = opensslQuery('-sha256', '-cert');
    const nonce = readTimeStampRequest(query).nonce!;
    const reply = await authority.reply(query, serials(0xabcdef0123456789n), new Date('2026-11-23T08:30:00.120Z'));
    const text = replyText(reply);
    expect(text).toContain('Status: Granted.');
    expect(text).toContain(`Policy OID: ${POLICY}`);
    expect(text).toContain('Serial number: 0xABCDEF0123456789');
    // OpenSSL prints the INTEGER's bytes in hex, leading zero bytes dropped.
    expect(text).toContain(`Nonce: 0x${nonce.toString('hex').replace(/^(00)+/, '').toUpperCase()}`);
    expect(text).toContain('Accuracy: 0x01 seconds, 0x01F4 millis, unspecified micros');
    expect(text).toContain('Time stamp: Nov 23 08:30:00.12 2026 GMT');
    expect(text).toContain('Ordering: no');
    expect(text).toMatch(/TSA: DirName:.*serialNumber=TSA-HP/);
  });

  it('writes whole seconds without a fraction, and leaves accuracy out when it is 0', async () => {
    const { authority } = makeTsa(pki, 'EC-P256', 0);
    const token = authority.token({ hashAlgorithm: 'sha256', digest: createHash('sha256').update(data).digest() }, 7n, new Date('2026-11-23T08:30:00.000Z'));
    const text = openssl(['ts', '-reply', '-in', 't.der', '-token_in', '-text', '-token_out'], { 't.der': token }).stdout;
    expect(text).toContain('Time stamp: Nov 23 08:30:00 2026 GMT');
    expect(text).toContain('Accuracy: unspecified');
    expect(readTimeStampToken(token).accuracyMillis).toBeUndefined();
  });

  it('answers a query without nonce and certReq with a token that carries neither', async () => {
    const { authority, certPem } = makeTsa(pki, 'EC-P256');
    const query = opensslQuery('-sha256', '-no_nonce');
    const question = readTimeStampRequest(query);
    expect(question).toMatchObject({ hashAlgorithm: 'sha256', certReq: false });
    expect(question.nonce).toBeUndefined();
    const reply = await authority.reply(query, serials(42n), new Date());
    const token = readTimeStampToken(readTimeStampResponse(reply).token!);
    expect(token.certificatesDer).toEqual([]);
    expect(token.nonce).toBeUndefined();
    expect(token.serial).toBe(42n);
    // Without certificates in the token, OpenSSL needs the TSA certificate from outside.
    expect(opensslVerify(query, reply).status).not.toBe(0);
    const run = openssl(['ts', '-verify', '-queryfile', 'q.tsq', '-in', 'r.tsr', '-CAfile', 'chain.pem', '-untrusted', 'tsa.pem'], { ...files, 'q.tsq': query, 'r.tsr': reply, 'tsa.pem': certPem });
    expect(run.stdout).toContain('Verification: OK');
  });

  it('stamps SHA-384 and SHA-512 imprints as asked', async () => {
    const { authority } = makeTsa(pki, 'EC-P256');
    for (const hash of ['sha384', 'sha512'] as const) {
      const query = opensslQuery(`-${hash}`, '-cert');
      const reply = await authority.reply(query, serials(1n), new Date());
      expect(opensslVerify(query, reply).stdout).toContain('Verification: OK');
      expect(readTimeStampToken(readTimeStampResponse(reply).token!)).toMatchObject({ hashAlgorithm: hash, digest: createHash(hash).update(data).digest() });
    }
  });

  it('reads back what it wrote, and its own verifier accepts the token up to the trusted root', async () => {
    const { authority, certPem } = makeTsa(pki, 'RSA-2048');
    const digest = createHash('sha256').update(data).digest();
    const nonce = Buffer.from([0x00, 0x9f, 0x12, 0x34]);
    const genTime = new Date();
    const token = authority.token({ hashAlgorithm: 'sha256', digest, nonce, certReq: true }, 2n ** 159n + 5n, genTime);
    const info = verifyTimeStampToken(token, { trustedCaPems: [pki.root.certPem] });
    expect(info).toMatchObject({ serial: 2n ** 159n + 5n, genTime, policy: POLICY, hashAlgorithm: 'sha256', digest, nonce, accuracyMillis: 1000 });
    expect(info.signerCertificateDer?.toString('base64')).toBe(certPem.replace(/-----[A-Z ]+-----|\s/g, ''));
    expect(info.certificatesDer).toHaveLength(2);
    expect(() => verifyTimeStampToken(token, { trustedCaPems: [buildTestPki('Another Root').root.certPem] })).toThrow(/no path to a trusted CA/);
  });

  it('verifyTimeStampToken refuses a changed TSTInfo, a foreign TSA certificate and bytes that are no token', () => {
    const { authority, certPem } = makeTsa(pki, 'EC-P256');
    const digest = createHash('sha256').update(data).digest();
    const token = authority.token({ hashAlgorithm: 'sha256', digest, certReq: true }, 9n, new Date());
    const forged = Buffer.from(token);
    forged[forged.indexOf(digest)] ^= 0x01;
    expect(() => verifyTimeStampToken(forged)).toThrow(expect.objectContaining({ problem: 'signature', message: expect.stringMatching(/messageDigest/) }));

    const bare = authority.token({ hashAlgorithm: 'sha256', digest }, 10n, new Date());
    expect(verifyTimeStampToken(bare, { signerCertificatePem: certPem }).serial).toBe(10n);
    expect(() => verifyTimeStampToken(bare)).toThrow(expect.objectContaining({ problem: 'signer' }));
    expect(() => verifyTimeStampToken(bare, { signerCertificatePem: makeTsa(pki, 'EC-P256').certPem })).toThrow(expect.objectContaining({ problem: 'signer' }));
    expect(() => readTimeStampToken(Buffer.from('no token'))).toThrow(TimeStampTokenError);
    expect(() => readTimeStampToken(opensslQuery('-sha256'))).toThrow(expect.objectContaining({ problem: 'malformed' }));
  });

  it('rejects malformed and unacceptable requests with the right failure bit, without throwing or spending a serial', async () => {
    const { authority } = makeTsa(pki, 'EC-P256');
    const good = opensslQuery('-sha256', '-cert');
    const sha256 = createHash('sha256').update(data).digest();
    const extension = tlv(Tag.contextConstructed0, tlv(Tag.sequence, tlv(Tag.sequence, encode(new asn1js.ObjectIdentifier({ value: '1.2.3.4' })), tlv(Tag.octetString, Buffer.from([5])))));
    const cases: Array<[string, Buffer, TimeStampFailure]> = [
      ['garbage', Buffer.from('not a time-stamp request'), 'badDataFormat'],
      ['empty', Buffer.alloc(0), 'badDataFormat'],
      ['truncated', good.subarray(0, good.length - 3), 'badDataFormat'],
      ['trailing bytes', Buffer.concat([good, Buffer.from([0])]), 'badDataFormat'],
      ['a SHA-1 imprint', opensslQuery('-sha1'), 'badAlg'],
      ['an MD5 imprint', opensslQuery('-md5'), 'badAlg'],
      ['a 31-byte SHA-256 digest', timeStampQuery({ hashAlgorithm: 'sha256', digest: sha256.subarray(1) }), 'badDataFormat'],
      ['a SHA-256 digest sent as SHA-512', timeStampQuery({ hashAlgorithm: 'sha512', digest: sha256 }), 'badDataFormat'],
      ['another policy', opensslQuery('-sha256', '-tspolicy', '1.2.3.4.5'), 'unacceptedPolicy'],
      ['version 2', Buffer.concat([good.subarray(0, 4), Buffer.from([2]), good.subarray(5)]), 'badRequest'],
      ['an extension', tlv(Tag.sequence, good.subarray(2), extension), 'unacceptedExtension'],
    ];
    for (const [what, request, failInfo] of cases) {
      const serial = serials(1n);
      const reply = readTimeStampResponse(await authority.reply(request, serial, new Date()));
      expect({ what, status: reply.status, failInfo: reply.failInfo, token: reply.token }).toEqual({ what, status: 2, failInfo: [failInfo], token: undefined });
      expect(reply.statusString).toBeTruthy();
      expect(serial).not.toHaveBeenCalled();
    }
    const text = replyText(await authority.reply(opensslQuery('-sha1'), serials(1n), new Date()));
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: unrecognized or unsupported algorithm identifier');
  });

  it('accepts a request naming its own policy, and never throws on any truncation or random bytes', async () => {
    const { authority } = makeTsa(pki, 'EC-P256');
    const own = opensslQuery('-sha256', '-tspolicy', POLICY);
    expect(readTimeStampResponse(await authority.reply(own, serials(1n), new Date())).status).toBe(0);
    const good = opensslQuery('-sha256', '-cert');
    const inputs = [...Array.from({ length: good.length }, (_, n) => good.subarray(0, n)), ...Array.from({ length: 200 }, (_, n) => randomBytes(n))];
    for (const input of inputs) {
      const reply = readTimeStampResponse(await authority.reply(input, serials(1n), new Date()));
      expect(reply.status).toBe(2);
    }
  });

  it('refuses a key that is not its certificate, a certificate without the time-stamping EKU, other curves and bad settings', () => {
    const keys = generateKeyPair('EC-P256');
    const certPem = issueCertificate({ profile: 'tsa', subject: { commonName: 'TSA' }, publicKey: keys.publicKey, issuer: pki.issuing });
    const base = { certificatePem: certPem, chainPems: [], privateKey: keys.privateKey, policyOid: POLICY };
    expect(() => new TimeStampAuthority({ ...base, privateKey: generateKeyPair('EC-P256').privateKey })).toThrow(/does not match/);
    expect(() => new TimeStampAuthority({ ...base, certificatePem: pki.seal.certPem, privateKey: pki.seal.privateKey })).toThrow(/extended key usage/);
    const ocspKeys = generateKeyPair('EC-P256');
    const ocspPem = issueCertificate({ profile: 'ocsp', subject: { commonName: 'OCSP' }, publicKey: ocspKeys.publicKey, issuer: pki.issuing });
    expect(() => new TimeStampAuthority({ ...base, certificatePem: ocspPem, privateKey: ocspKeys.privateKey })).toThrow(/not critical/);
    expect(() => new TimeStampAuthority({ ...base, privateKey: keys.publicKey })).toThrow(/RSA or ECDSA P-256/);
    expect(() => new TimeStampAuthority({ ...base, privateKey: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey })).toThrow(/RSA or ECDSA P-256/);
    expect(() => new TimeStampAuthority({ ...base, policyOid: 'policy-1' })).toThrow(/policyOid/);
    expect(() => new TimeStampAuthority({ ...base, accuracyMillis: -1 })).toThrow(/accuracyMillis/);
    const tsa = new TimeStampAuthority(base);
    const digest = Buffer.alloc(32, 1);
    expect(() => tsa.token({ hashAlgorithm: 'sha256', digest }, 0n, new Date())).toThrow(/serial/);
    expect(() => tsa.token({ hashAlgorithm: 'sha256', digest }, 1n << 160n, new Date())).toThrow(/serial/);
    expect(() => tsa.token({ hashAlgorithm: 'sha384', digest }, 1n, new Date())).toThrow(/48 bytes/);
    expect(() => tsa.token({ hashAlgorithm: 'sha256', digest }, 1n, new Date(Number.NaN))).toThrow(/genTime/);
  });
});
