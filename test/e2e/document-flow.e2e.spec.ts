import { ObjectStore } from '@edu/storage';
import { Client } from 'minio';
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, exampleFor, ministryToken, schoolToken, submit } from '../support/api.js';
import { opensslPrintCms, opensslVerifyDetached } from '../support/openssl.js';
import { pollUntil } from '../support/poll.js';
import { signDocuments } from '../support/signers.js';
import { ENV, URLS } from '../support/stack.js';

interface DocView {
  id: string;
  status: string;
  issuerCode: string;
  contentSha256: string;
  version: number;
  signatures: Array<{ index: number; role: string; signer: string }>;
  archive: { bucket: string; key: string; versionId: string; sha256: string; retentionMode: string; retainUntil: string } | null;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function feedIds(token: string): Promise<string[]> {
  const ids: string[] = [];
  let after = '0';
  for (;;) {
    const page = await call<{ items: Array<{ id: string }>; nextCursor: string; hasMore: boolean }>('GET', `/v1/feed?after=${after}&limit=1000`, { token });
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((i) => i.id));
    if (!page.body.hasMore) return ids;
    after = page.body.nextCursor;
  }
}

describe('a học bạ goes from school to ministry', () => {
  let school: string;
  let ministry: string;
  let doc: DocView;
  let caPem: string;

  beforeAll(async () => {
    school = await schoolToken(0);
    ministry = await ministryToken();
    caPem = await (await fetch(`${URLS.identity}/pki/ca/chain.pem`)).text();
    const body = await exampleFor(school, 3);
    const res = await submit(school, body);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.status).toBe('received');
    await signDocuments(body.issuerCode, [res.body.id]);
    doc = (
      await pollUntil(
        () => call<DocView>('GET', `/v1/documents/${res.body.id}`, { token: school }),
        (r) => r.body.status === 'archived',
        { what: `document ${res.body.id} archived`, timeoutMs: 90_000 },
      )
    ).body;
  });

  it('serves the canonical content that was hashed', async () => {
    const content = await call('GET', `/v1/documents/${doc.id}/content`, { token: school });
    expect(content.status).toBe(200);
    expect(sha256(content.bytes)).toBe(doc.contentSha256);
    // RFC 8785: re-serialising the parsed bytes with sorted keys and no spaces gives the same bytes back.
    expect(content.bytes.toString('utf8').includes('\n')).toBe(false);
  });

  it('carries the homeroom teacher’s, the principal’s and the seal’s signatures, each B-LT and accepted by OpenSSL', async () => {
    expect(doc.signatures.map((sig) => [sig.index, sig.role])).toEqual([[1, 'homeroom-teacher'], [2, 'principal'], [3, 'institution-seal']]);
    const content = (await call('GET', `/v1/documents/${doc.id}/content`, { token: school })).bytes;
    const flipped = Buffer.from(content);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    for (const n of [1, 2, 3]) {
      const sig = await call('GET', `/v1/documents/${doc.id}/signatures/${n}`, { token: school });
      expect(sig.status).toBe(200);
      expect(sig.headers.get('content-type')).toContain('application/pkcs7-signature');
      const good = opensslVerifyDetached(content, sig.bytes, caPem);
      expect(good.ok, good.output).toBe(true);
      expect(opensslVerifyDetached(flipped, sig.bytes, caPem).ok).toBe(false);
      const printed = opensslPrintCms(sig.bytes);
      expect(printed).toMatch(/signingCertificateV2|id-smime-aa-signingCertificateV2/);
      expect(printed).toMatch(/signingTime/);
      // B-T: the time-stamp token over the signature value; B-LT: revocation values (a CRL and OCSP responses).
      expect(printed).toMatch(/id-smime-aa-timeStampToken|signatureTimeStampToken/);
      expect(printed).toMatch(/crls:\s*\n\s+d\.crl|d\.crl:/);
      expect(printed).toMatch(/d\.other:|1\.3\.6\.1\.5\.5\.7\.16\.2|ocsp/i);
    }
    expect((await call('GET', `/v1/documents/${doc.id}/signatures/4`, { token: school })).status).toBe(404);
  });

  it('serves each signature as signing made it, to the school and the ministry only', async () => {
    const fromSigning = await call('GET', `/v1/signatures/${doc.id}/2`, { base: URLS.signing, token: school });
    expect(fromSigning.status).toBe(200);
    expect((await call('GET', `/v1/documents/${doc.id}/signatures/2`, { token: ministry })).bytes.equals(fromSigning.bytes)).toBe(true);
    const otherSchool = await schoolToken(1);
    for (const [base, path] of [[URLS.interchange, `/v1/documents/${doc.id}/signatures/2`], [URLS.signing, `/v1/signatures/${doc.id}/2`]]) {
      const refused = await call<{ code: string }>('GET', path, { base, token: otherSchool });
      expect(refused.status, path).toBe(404);
      expect((await call('GET', path, { base })).status, path).toBe(401);
    }
    const missing = await call<{ code: string }>('GET', `/v1/signatures/${doc.id}/4`, { base: URLS.signing, token: school });
    expect([missing.status, missing.body.code]).toEqual([404, 'SIGNING.SIGNATURE_NOT_FOUND']);
  });

  it('archives one container under COMPLIANCE retention that cannot be deleted', async () => {
    const archive = doc.archive!;
    expect(archive.retentionMode).toBe('COMPLIANCE');
    const evidence = await call('GET', `/v1/documents/${doc.id}/evidence`, { token: school });
    expect(evidence.status).toBe(200);
    expect(sha256(evidence.bytes)).toBe(archive.sha256);
    expect(evidence.bytes.subarray(30, 38).toString()).toBe('mimetype');

    const store = new ObjectStore({ endPoint: ENV.MINIO_ENDPOINT, port: Number(ENV.MINIO_PORT), accessKey: ENV.MINIO_ACCESS_KEY, secretKey: ENV.MINIO_SECRET_KEY });
    const retention = await store.getRetention(archive.bucket, archive.key, archive.versionId);
    expect(retention?.mode).toBe('COMPLIANCE');
    expect(retention!.retainUntil.getTime()).toBeGreaterThan(Date.now());
    expect(retention!.retainUntil.toISOString()).toBe(new Date(archive.retainUntil).toISOString());
    const minio = new Client({ endPoint: ENV.MINIO_ENDPOINT, port: Number(ENV.MINIO_PORT), useSSL: false, accessKey: ENV.MINIO_ACCESS_KEY, secretKey: ENV.MINIO_SECRET_KEY, region: 'us-east-1' });
    await expect(minio.removeObject(archive.bucket, archive.key, { versionId: archive.versionId, governanceBypass: true })).rejects.toThrow();
    expect((await store.get(archive.bucket, archive.key, archive.versionId)).equals(evidence.bytes)).toBe(true);
  });

  it('validates the archived container: three signatures, each PASSED at level B-LT and matched to its workflow step', async () => {
    const evidence = await call('GET', `/v1/documents/${doc.id}/evidence`, { token: school });
    const report = await call<{ indication: string; signatures: Array<{ indication: string; level: string; workflowStep?: { role: string; documentId: string } }> }>('POST', '/v1/validations', {
      base: URLS.signing, body: { container: evidence.bytes.toString('base64') },
    });
    expect(report.status, JSON.stringify(report.body).slice(0, 800)).toBe(200);
    expect(report.body.indication, JSON.stringify(report.body).slice(0, 1500)).toBe('PASSED');
    expect(report.body.signatures.map((r) => [r.indication, r.level])).toEqual([['PASSED', 'B-LT'], ['PASSED', 'B-LT'], ['PASSED', 'B-LT']]);
    // Each signature is matched to the workflow step it fulfils.
    expect(report.body.signatures.map((r) => [r.workflowStep?.role, r.workflowStep?.documentId])).toEqual([
      ['homeroom-teacher', doc.id], ['principal', doc.id], ['institution-seal', doc.id],
    ]);
  });

  it('lists the record in the ministry feed exactly once', async () => {
    const ids = await feedIds(ministry);
    expect(ids.filter((id) => id === doc.id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets the ministry read the record but not submit', async () => {
    expect((await call('GET', `/v1/documents/${doc.id}`, { token: ministry })).status).toBe(200);
    const refused = await submit(ministry, await exampleFor(school, 3), randomUUID());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.SCOPE_MISSING');
  });

  it('hides a school’s record from another school', async () => {
    const other = await schoolToken(1);
    const res = await call<{ code: string }>('GET', `/v1/documents/${doc.id}`, { token: other });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('INTERCHANGE.DOCUMENT_NOT_FOUND');
  });
});
