import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, schoolToken } from '../support/api.js';
import { opensslIn } from '../support/openssl.js';
import { pollUntil } from '../support/poll.js';
import { URLS } from '../support/stack.js';
import { scratchDir } from '../support/scratch-dir.js';

const stamp = (token: string | undefined, query: Buffer, contentType = 'application/timestamp-query') =>
  call<Buffer>('POST', '/tsa', { base: URLS.signing, token, raw: query, headers: { 'content-type': contentType } });

/** The platform's RFC 3161 time-stamping unit over HTTP, with OpenSSL's `ts` as the standard client. */
describe('time-stamp authority (POST /tsa)', () => {
  const dir = scratchDir('tsa-e2e-');
  const ssl = (...args: string[]) => opensslIn(dir, args);
  let token: string;

  beforeAll(async () => {
    token = await schoolToken();
    const chain = await call<Buffer>('GET', '/pki/ca/chain.pem', { base: URLS.identity });
    writeFileSync(join(dir, 'chain.pem'), chain.bytes);
    writeFileSync(join(dir, 'record.json'), '{"hocBa":"Nguyễn Thị Hoa"}');
    expect(ssl('ts', '-query', '-data', 'record.json', '-sha256', '-cert', '-out', 'query.tsq').status).toBe(0);
    // The unit's key is certified through identity's events shortly after the stack starts.
    await pollUntil(() => stamp(token, readFileSync(join(dir, 'query.tsq'))), (r) => r.status === 200, { what: 'a certified time-stamping unit' });
  });

  it('answers a query with a reply that OpenSSL verifies against the platform CA', async () => {
    const reply = await stamp(token, readFileSync(join(dir, 'query.tsq')));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/timestamp-reply');
    writeFileSync(join(dir, 'reply.tsr'), reply.bytes);
    const verified = ssl('ts', '-verify', '-queryfile', 'query.tsq', '-in', 'reply.tsr', '-CAfile', 'chain.pem');
    expect(verified.out).toContain('Verification: OK');
    const text = ssl('ts', '-reply', '-in', 'reply.tsr', '-text').out;
    expect(text).toContain('Status: Granted.');
    expect(text).toMatch(/Policy OID: 2\.25\.\d+/);
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(text).toMatch(/Accuracy: .*seconds|Accuracy: .*millis/);
  });

  it('never hands out a serial number twice', async () => {
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const reply = await stamp(token, readFileSync(join(dir, 'query.tsq')));
      writeFileSync(join(dir, `r${i}.tsr`), reply.bytes);
      serials.add(/Serial number: (\S+)/.exec(ssl('ts', '-reply', '-in', `r${i}.tsr`, '-text').out)![1]);
    }
    expect(serials.size).toBe(5);
  });

  it('rejects a malformed query inside an RFC 3161 reply, as the RFC asks', async () => {
    const reply = await stamp(token, Buffer.from('not a time-stamp query'));
    expect(reply.status).toBe(200);
    writeFileSync(join(dir, 'rejected.tsr'), reply.bytes);
    const text = ssl('ts', '-reply', '-in', 'rejected.tsr', '-text').out;
    expect(text).toContain('Status: Rejected');
    expect(text).toMatch(/Failure info: the data submitted has the wrong format|Failure info: .*request/);
  });

  it('refuses a wrong media type with the error body, and callers without a token', async () => {
    const wrongType = await stamp(token, readFileSync(join(dir, 'query.tsq')), 'application/octet-stream');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body).toMatchObject({ code: 'SIGNING.TSA_MEDIA_TYPE', field: 'content-type' });
    expect((await stamp(undefined, readFileSync(join(dir, 'query.tsq')))).status).toBe(401);
  });
});
