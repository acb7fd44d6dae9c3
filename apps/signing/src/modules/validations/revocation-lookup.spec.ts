import { buildCrl, generateKeyPair, issueCertificate, ocspErrorResponse, OcspResponseSigner, readOcspRequest, type CertificatePointers } from '@edu/crypto';
import { X509Certificate, type KeyObject } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpRevocationLookup } from './revocation-lookup.js';

type Behaviour = 'good' | 'tryLater' | 'fail' | 'hang' | 'huge';

describe('HttpRevocationLookup', () => {
  let server: Server;
  let base: string;
  let issuer: { certPem: string; privateKey: KeyObject };
  let responder: OcspResponseSigner;
  let ocsp: Behaviour;
  let crl: Behaviour;
  let hits: string[];
  let clock: number;
  const hanging: ServerResponse[] = [];
  const HOUR = 3_600_000;

  beforeAll(async () => {
    const keys = generateKeyPair('EC-P256');
    issuer = { privateKey: keys.privateKey, certPem: issueCertificate({ profile: 'root-ca', subject: { commonName: 'CA' }, publicKey: keys.publicKey, issuer: { selfSigned: true, privateKey: keys.privateKey } }) };
    responder = new OcspResponseSigner(issuer.certPem, issuer.privateKey);
    server = createServer(async (req, res) => {
      hits.push(`${req.method} ${req.url}`);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const behaviour = req.url === '/ocsp' ? ocsp : crl;
      if (behaviour === 'hang') return void hanging.push(res);
      if (behaviour === 'fail') return void res.writeHead(500).end();
      if (behaviour === 'huge') return void res.end(Buffer.alloc(11 * 1024 * 1024));
      const now = new Date(clock);
      if (req.url === '/crl') return void res.end(buildCrl({ issuer, crlNumber: 1n, thisUpdate: now, nextUpdate: new Date(clock + 2 * HOUR), entries: [] }));
      if (behaviour === 'tryLater') return void res.end(ocspErrorResponse('tryLater'));
      const answers = readOcspRequest(Buffer.concat(chunks)).questions.map((q) => ({ certIdDer: q.certIdDer, certStatus: { status: 'good' as const }, thisUpdate: now, nextUpdate: new Date(clock + HOUR) }));
      res.end(responder.sign(answers, { producedAt: now }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of hanging) res.end();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    ocsp = 'good';
    crl = 'good';
    hits = [];
    clock = Date.now();
  });

  const leaf = (pointers: CertificatePointers) =>
    new X509Certificate(issueCertificate({ profile: 'person', subject: { commonName: 'Giáo viên' }, publicKey: generateKeyPair('EC-P256').publicKey, issuer, pointers })).raw;
  const issuerDer = () => new X509Certificate(issuer.certPem).raw;
  const lookup = () => new HttpRevocationLookup({ timeoutMs: 300, now: () => clock });

  it('asks the OCSP responder and keeps the answer until its nextUpdate', async () => {
    const cert = leaf({ ocspUrl: `${base}/ocsp`, crlUrl: `${base}/crl` });
    const source = lookup();
    const first = await source.fetch(cert, issuerDer());
    expect(Object.keys(first!)).toEqual(['ocspResponse']);
    expect(await source.fetch(cert, issuerDer())).toEqual(first);
    expect(hits).toEqual(['POST /ocsp']);
    clock += HOUR + 1;
    await source.fetch(cert, issuerDer());
    expect(hits).toEqual(['POST /ocsp', 'POST /ocsp']);
  });

  it('falls back to the CRL when OCSP fails or does not answer in time, and keeps the CRL', async () => {
    const cert = leaf({ ocspUrl: `${base}/ocsp`, crlUrl: `${base}/crl` });
    const source = lookup();
    ocsp = 'fail';
    expect(Object.keys((await source.fetch(cert, issuerDer()))!)).toEqual(['crl']);
    ocsp = 'hang';
    expect(Object.keys((await source.fetch(cert, issuerDer()))!)).toEqual(['crl']);
    expect(hits).toEqual(['POST /ocsp', 'GET /crl', 'POST /ocsp']);
  });

  it('adds the CRL to an OCSP answer that carries no status (tryLater)', async () => {
    ocsp = 'tryLater';
    const data = await lookup().fetch(leaf({ ocspUrl: `${base}/ocsp`, crlUrl: `${base}/crl` }), issuerDer());
    expect(Object.keys(data!).sort()).toEqual(['crl', 'ocspResponse']);
  });

  it('gives nothing for oversized answers, non-HTTP addresses or certificates without addresses', async () => {
    crl = 'huge';
    expect(await lookup().fetch(leaf({ crlUrl: `${base}/crl` }), issuerDer())).toBeNull();
    expect(await lookup().fetch(leaf({ ocspUrl: 'ldap://127.0.0.1/ocsp', crlUrl: 'file:///etc/passwd' }), issuerDer())).toBeNull();
    expect(await lookup().fetch(leaf({}), issuerDer())).toBeNull();
    expect(hits).toEqual(['GET /crl']);
  });
});
