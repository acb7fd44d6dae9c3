import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { buildTestPki, type TestPki } from '../testing/test-pki.js';
import { TimeStampAuthority } from './time-stamp-authority.js';
import { HttpTimeStampClient, LocalTimeStampClient, TimeStampClientError, type TimeStampClientProblem } from './time-stamp-client.js';
import { readTimeStampRequest } from './time-stamp-request.js';
import { grantedResponse, rejectionResponse } from './time-stamp-response.js';
import { readTimeStampToken } from './time-stamp-token.js';
import { verifyTimeStampToken } from './verify-time-stamp-token.js';

const POLICY = '1.3.6.1.4.1.58312.1.3161';

/** How the test TSA misbehaves, if at all. */
type Mode = 'honest' | 'wrong-nonce' | 'wrong-imprint' | 'reject' | 'http-500' | 'garbage' | 'bad-signature';

describe('TimeStampClient', () => {
  let pki: TestPki;
  let authority: TimeStampAuthority;
  let server: Server;
  let url: string;
  let mode: Mode = 'honest';
  let lastHeaders: IncomingHttpHeaders = {};
  let serial = 1000n;
  const digest = createHash('sha256').update('bảng điểm').digest();

  beforeAll(async () => {
    pki = buildTestPki();
    const keys = generateKeyPair('EC-P256');
    const certificatePem = issueCertificate({ profile: 'tsa', subject: { commonName: 'TSA' }, publicKey: keys.publicKey, issuer: pki.issuing });
    authority = new TimeStampAuthority({ certificatePem, chainPems: [pki.issuing.certPem], privateKey: keys.privateKey, policyOid: POLICY });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        lastHeaders = req.headers;
        void answer(Buffer.concat(chunks)).then(([status, body]) => res.writeHead(status, { 'content-type': 'application/timestamp-reply' }).end(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function answer(query: Buffer): Promise<[number, Buffer]> {
    const next = async () => serial++;
    if (mode === 'honest') return [200, await authority.reply(query, next, new Date())];
    if (mode === 'http-500') return [500, Buffer.from('boom')];
    if (mode === 'garbage') return [200, Buffer.from('<html>proxy error</html>')];
    if (mode === 'reject') return [200, rejectionResponse('timeNotAvailable', 'clock not synchronised')];
    const question = readTimeStampRequest(query);
    if (mode === 'wrong-nonce') question.nonce = Buffer.from([0x01, 0x02]);
    if (mode === 'wrong-imprint') question.digest = createHash('sha256').update('another record').digest();
    const token = authority.token(question, await next(), new Date());
    if (mode === 'bad-signature') token[token.length - 5] ^= 0x01; // inside the ECDSA signature, the last field
    return [200, grantedResponse(token)];
  }

  async function failure(client: HttpTimeStampClient): Promise<TimeStampClientError> {
    const error = await client.stamp(digest).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(TimeStampClientError);
    return error as TimeStampClientError;
  }

  it('gets a verified token from an RFC 3161 server over HTTP, with its nonce and our headers', async () => {
    mode = 'honest';
    const client = new HttpTimeStampClient(url, { headers: { authorization: 'Bearer t0k3n' }, trustedCaPems: [pki.root.certPem] });
    const token = await client.stamp(digest);
    expect(lastHeaders['content-type']).toBe('application/timestamp-query');
    expect(lastHeaders.authorization).toBe('Bearer t0k3n');
    const info = verifyTimeStampToken(token, { trustedCaPems: [pki.root.certPem] });
    expect(info).toMatchObject({ hashAlgorithm: 'sha256', digest, policy: POLICY });
    expect(info.nonce?.length).toBe(16);
    expect(info.certificatesDer).toHaveLength(2);
  });

  const misbehaviours: Array<[Mode, TimeStampClientProblem, RegExp]> = [
    ['wrong-nonce', 'nonce-mismatch', /nonce/],
    ['wrong-imprint', 'imprint-mismatch', /imprint/],
    ['reject', 'rejected', /status 2 \(clock not synchronised\)/],
    ['http-500', 'http-status', /HTTP 500/],
    ['garbage', 'malformed-reply', /not a TimeStampResp/],
    ['bad-signature', 'invalid-token', /token signature does not verify with the TSA certificate/],
  ];
  for (const [misbehaviour, problem, message] of misbehaviours) {
    it(`refuses a TSA answering with ${misbehaviour} as ${problem}`, async () => {
      mode = misbehaviour;
      const error = await failure(new HttpTimeStampClient(url));
      expect(error.problem).toBe(problem);
      expect(error.message).toMatch(message);
      if (misbehaviour === 'reject') expect(error.details).toMatchObject({ failInfo: ['timeNotAvailable'], statusString: 'clock not synchronised' });
      if (misbehaviour === 'http-500') expect(error.details.httpStatus).toBe(500);
    });
  }

  it('refuses a token from a TSA outside the trusted CAs, and an unreachable TSA', async () => {
    mode = 'honest';
    const stranger = buildTestPki('Một Root CA khác').root.certPem;
    const untrusted = await failure(new HttpTimeStampClient(url, { trustedCaPems: [stranger] }));
    expect(untrusted.problem).toBe('invalid-token');
    expect(untrusted.message).toMatch(/no path to a trusted CA/);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await failure(new HttpTimeStampClient(`http://127.0.0.1:${port}/tsa`, { timeoutMs: 2000 }));
    expect(unreachable.problem).toBe('unreachable');
  });

  it('LocalTimeStampClient stamps in-process with serials from the allocator', async () => {
    let next = 77n;
    const client = new LocalTimeStampClient(authority, async () => next++, () => new Date('2026-11-23T10:00:00.5Z'));
    const first = readTimeStampToken(await client.stamp(digest));
    const second = readTimeStampToken(await client.stamp(randomBytes(32)));
    expect([first.serial, second.serial]).toEqual([77n, 78n]);
    expect(first).toMatchObject({ hashAlgorithm: 'sha256', digest, genTime: new Date('2026-11-23T10:00:00.5Z') });
    expect(first.certificatesDer).toHaveLength(2);
  });
});
