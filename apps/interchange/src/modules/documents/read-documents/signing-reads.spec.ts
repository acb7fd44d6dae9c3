import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningReads } from './signing-reads.js';

describe('SigningReads', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ path?: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url, authorization: req.headers.authorization });
      if (req.url?.includes('/broken/')) return void res.writeHead(500).end();
      if (req.url?.endsWith('/9')) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"SIGNING.SIGNATURE_NOT_FOUND"}');
      res.writeHead(200, { 'content-type': 'application/pkcs7-signature' }).end(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks signing for the n-th signature with the caller's token and passes its answer through", async () => {
    const reads = new SigningReads({ SIGNING_URL: url });
    const ok = await reads.signature('0193f0a2-0000-7000-8000-000000000001', 2, 'Bearer t1');
    expect(ok).toEqual({ status: 200, contentType: 'application/pkcs7-signature', body: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]) });
    expect(seen.at(-1)).toEqual({ path: '/v1/signatures/0193f0a2-0000-7000-8000-000000000001/2', authorization: 'Bearer t1' });
    const missing = await reads.signature('0193f0a2-0000-7000-8000-000000000001', 9, 'Bearer t1');
    expect([missing.status, JSON.parse(missing.body.toString()).code]).toEqual([404, 'SIGNING.SIGNATURE_NOT_FOUND']);
  });

  it('is a 503 with a stable code when signing fails or cannot be reached', async () => {
    await expect(new SigningReads({ SIGNING_URL: url }).signature('broken', 1, 'Bearer t1')).rejects.toMatchObject({ code: 'INTERCHANGE.SIGNATURES_UNAVAILABLE' });
    await expect(new SigningReads({ SIGNING_URL: 'http://127.0.0.1:1' }).signature('a', 1, 'Bearer t1')).rejects.toMatchObject({
      code: 'INTERCHANGE.SIGNATURES_UNAVAILABLE', kind: 'unavailable',
    });
    await expect(new SigningReads({ SIGNING_URL: 'http://127.0.0.1:1' }).pdf('a', 'Bearer t1')).rejects.toMatchObject({ code: 'INTERCHANGE.RENDITION_UNAVAILABLE' });
  });
});
