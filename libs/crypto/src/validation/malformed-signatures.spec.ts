import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CmsSigner } from '../cms-signer.js';
import { buildTestPki, type TestPki } from '../testing/test-pki.js';
import { MAX_SIGNATURES, validateSignatures } from './validate-signatures.js';
import type { SignatureReport, ValidationReport } from './validation-report.js';

const content = Buffer.from('{"chungChi":"Tin học cơ bản","so":"TH-2026-0001"}');
const CHECKS = ['format', 'signing-certificate', 'integrity', 'timestamp', 'chain', 'validity', 'revocation', 'signer'];

/** Small seeded generator (mulberry32) so that a failing mutation can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectWellFormed(report: ValidationReport, count: number): void {
  expect(report.signatures).toHaveLength(count);
  expect(['PASSED', 'FAILED', 'INDETERMINATE']).toContain(report.indication);
  for (const signature of report.signatures) expectWellFormedSignature(signature);
}

function expectWellFormedSignature(signature: SignatureReport): void {
  expect(['PASSED', 'FAILED', 'INDETERMINATE']).toContain(signature.indication);
  expect(signature.indication === 'PASSED').toBe(signature.subIndication === undefined);
  expect(signature.message.vi.length && signature.message.en.length).toBeGreaterThan(0);
  expect(signature.checks.map((c) => c.name)).toEqual(CHECKS);
  expect(signature.bestSignatureTime).toBeInstanceOf(Date);
}

describe('validateSignatures on malformed input', () => {
  let pki: TestPki;
  let cms: Buffer;
  let anchors: Buffer[];

  beforeAll(() => {
    pki = buildTestPki();
    cms = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem], privateKey: pki.seal.privateKey }).sign(content);
    anchors = [new X509Certificate(pki.root.certPem).raw];
  });

  const validate = (signatures: Buffer[]) => validateSignatures({ content, signatures, trustAnchors: anchors });

  it('reports garbage, PEM junk, wrong content types and absurd sizes as FORMAT_FAILURE', async () => {
    const nested = Buffer.concat([Buffer.alloc(20_000, Buffer.from([0x30, 0x80])), Buffer.alloc(20_000, 0)]);
    const blobs = [
      Buffer.from('not a signature'),
      Buffer.alloc(0),
      Buffer.from('-----BEGIN CMS-----\n!!!!\n-----END CMS-----\n'),
      Buffer.from(`-----BEGIN CMS-----\n${cms.toString('base64')}\n-----END PKCS7-----\n`),
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x06]),
      new X509Certificate(pki.seal.certPem).raw, // a certificate, not a ContentInfo
      Buffer.from(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' }), new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.OctetString({ valueHex: content })] })] }).toBER()),
      Buffer.concat([cms, Buffer.from([0])]),
      nested,
      Buffer.alloc(16 * 1024 * 1024 + 1, 0x30),
    ];
    const report = await validate(blobs);
    expectWellFormed(report, blobs.length);
    for (const signature of report.signatures) expect(signature).toMatchObject({ indication: 'FAILED', subIndication: 'FORMAT_FAILURE', level: 'none' });
    expect(report.indication).toBe('FAILED');
  });

  it('survives values that are not buffers at all, and ignores unusable trust anchors', async () => {
    const odd = [null, undefined, 'text', 42, {}] as unknown as Buffer[];
    expectWellFormed(await validate(odd), odd.length);
    const report = await validateSignatures({ content, signatures: [cms], trustAnchors: [Buffer.from('junk'), ...anchors] });
    expect(report.signatures[0].checks.find((c) => c.name === 'chain')?.status).toBe('passed');
  });

  it('validates at most MAX_SIGNATURES and reports the rest as not validated', async () => {
    const report = await validate(Array.from({ length: MAX_SIGNATURES + 3 }, () => cms));
    expectWellFormed(report, MAX_SIGNATURES + 3);
    expect(report.signatures.slice(0, MAX_SIGNATURES).every((s) => s.subIndication === 'TRY_LATER')).toBe(true);
    expect(report.signatures.slice(MAX_SIGNATURES).map((s) => s.message.en)).toEqual(Array(3).fill(`Not validated: at most ${MAX_SIGNATURES} signatures per request`));
  });

  it('never throws on hundreds of truncations, bit flips and splices of a valid CMS', async () => {
    const next = random(20261123);
    const mutations: Buffer[] = [];
    for (let i = 0; i < 400; i++) {
      const kind = i % 4;
      const at = Math.floor(next() * cms.length);
      if (kind === 0) mutations.push(cms.subarray(0, at));
      if (kind === 1) {
        const flipped = Buffer.from(cms);
        for (let n = 0; n < 1 + Math.floor(next() * 3); n++) flipped[Math.floor(next() * cms.length)] ^= 1 << Math.floor(next() * 8);
        mutations.push(flipped);
      }
      if (kind === 2) mutations.push(Buffer.concat([cms.subarray(0, at), cms.subarray(Math.min(cms.length, at + 1 + Math.floor(next() * 40)))]));
      if (kind === 3) mutations.push(Buffer.concat([cms.subarray(0, at), Buffer.from([Math.floor(next() * 256)]), cms.subarray(at)]));
    }
    const outcomes = new Map<string, number>();
    for (let i = 0; i < mutations.length; i += MAX_SIGNATURES) {
      const batch = mutations.slice(i, i + MAX_SIGNATURES);
      const report = await validate(batch);
      expectWellFormed(report, batch.length);
      for (const s of report.signatures) outcomes.set(`${s.indication}/${s.subIndication}`, (outcomes.get(`${s.indication}/${s.subIndication}`) ?? 0) + 1);
    }
    // Almost every mutation breaks the structure or the signature; all of them were reported, none thrown.
    expect(outcomes.get('FAILED/FORMAT_FAILURE')).toBeGreaterThan(100);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(mutations.length);
  });
});
