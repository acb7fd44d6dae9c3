import { authProviders } from '@edu/auth';
import { startService } from '@edu/bootstrap';
import { DataSource } from '@edu/persistence';
import { CmsSigner, generateKeyPair, generateRsaKeyPair, issueCertificate, OcspResponseSigner, readOcspRequest, type ValidationReport } from '@edu/crypto';
import type { ErrorBody } from '@edu/errors';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { SIGNING_CONFIG } from '../../config.js';
import { ValidationsModule } from './validations.module.js';

/** The root of the app under test, as SigningModule.forRoot provides SIGNING_CONFIG and the auth guard globally. */
class ValidationsTestRoot {}

const content = Buffer.from('{"hocBa":{"hocSinh":"Nguyễn Văn A","namHoc":"2025-2026","hocLuc":"Tốt"}}');

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An ASiC-S container laid out as archiving builds it. */
function asicContainer(data: Buffer, signature: Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('application/vnd.etsi.asic-s+zip'), 'mimetype', { compress: false });
  zip.addBuffer(data, 'hoc-ba.json');
  zip.addBuffer(signature, 'META-INF/signature.p7s', { compress: false });
  zip.addBuffer(Buffer.from('{"documentId":"x"}'), 'META-INF/edu-interop.json');
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The endpoint over real HTTP, started the way main.ts starts signing (body limits, error filter, global auth guard),
 * against a stand-in for identity's PKI endpoints that this spec starts itself: no stack needed.
 */
describe('POST /v1/validations', () => {
  let identity: Server;
  let app: INestApplication;
  let url: string;
  let cms: Buffer;
  const ocspRequests: Buffer[] = [];

  beforeAll(async () => {
    identity = createServer();
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    const identityUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}`;

    const rootKeys = generateKeyPair('EC-P256');
    const rootPem = issueCertificate({ profile: 'root-ca', subject: { commonName: 'Root CA' }, publicKey: rootKeys.publicKey, issuer: { selfSigned: true, privateKey: rootKeys.privateKey } });
    const issuingKeys = generateKeyPair('EC-P256');
    const issuing = { privateKey: issuingKeys.privateKey, certPem: issueCertificate({ profile: 'issuing-ca', subject: { commonName: 'Issuing CA' }, publicKey: issuingKeys.publicKey, issuer: { certPem: rootPem, privateKey: rootKeys.privateKey } }) };
    const sealKeys = generateRsaKeyPair();
    const pointers = { ocspUrl: `${identityUrl}/pki/ocsp`, crlUrl: `${identityUrl}/pki/crl/issuing.crl` };
    const sealPem = issueCertificate({ profile: 'seal', subject: { commonName: 'Trường THPT Ngô Quyền', serialNumber: 'MST:0200999999' }, publicKey: sealKeys.publicKey, issuer: issuing, pointers });
    cms = new CmsSigner({ signerCertPem: sealPem, chainPems: [issuing.certPem], privateKey: sealKeys.privateKey }).sign(content);
    const responder = new OcspResponseSigner(issuing.certPem, issuing.privateKey);

    identity.on('request', async (req, res) => {
      if (req.method === 'GET' && req.url === '/pki/ca/chain.pem') return res.end(issuing.certPem + rootPem);
      if (req.method === 'GET' && req.url === '/pki/trust-anchors.pem') return res.end('');
      if (req.method === 'POST' && req.url === '/pki/ocsp') {
        const request = await body(req);
        ocspRequests.push(request);
        const now = new Date();
        const answers = readOcspRequest(request).questions.map((q) => ({ certIdDer: q.certIdDer, certStatus: { status: 'good' as const }, thisUpdate: now, nextUpdate: new Date(now.getTime() + 3_600_000) }));
        res.setHeader('content-type', 'application/ocsp-response');
        return res.end(responder.sign(answers, { producedAt: now }));
      }
      res.statusCode = 404;
      res.end();
    });

    const module: DynamicModule = {
      module: ValidationsTestRoot,
      global: true,
      imports: [ValidationsModule],
      providers: [
        { provide: SIGNING_CONFIG, useValue: { IDENTITY_URL: identityUrl } },
        ...authProviders(identityUrl),
        // The workflow-role annotation looks the content up among signed records; none of these are.
        { provide: DataSource, useValue: { query: async () => [] } },
      ],
      exports: [SIGNING_CONFIG, DataSource],
    };
    app = await startService({ name: 'signing', title: 'edu-interop signing', module, port: 0 });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => identity?.close(resolve));
  });

  const post = (payload: unknown, type = 'application/json') =>
    fetch(`${url}/v1/validations`, { method: 'POST', headers: { 'content-type': type }, body: Buffer.isBuffer(payload) ? payload : JSON.stringify(payload) });

  it('validates content and signatures without a token, asking OCSP once per signer', async () => {
    const request = { content: content.toString('base64'), signatures: [cms.toString('base64')] };
    const res = await post(request);
    expect(res.status).toBe(200);
    const report = (await res.json()) as ValidationReport;
    expect(report).toMatchObject({
      indication: 'PASSED',
      message: { en: 'All 1 signature(s) are valid' },
      signatures: [{ index: 0, indication: 'PASSED', level: 'B-B', signer: { serialNumber: 'MST:0200999999' } }],
    });
    expect(report.signatures[0].checks.find((c) => c.name === 'revocation')?.detail.en).toMatch(/OCSP/);
    expect(((await (await post(request)).json()) as ValidationReport).indication).toBe('PASSED');
    expect(ocspRequests).toHaveLength(1);
  });

  it('validates an ASiC container, as JSON base64 or posted as is', async () => {
    const container = await asicContainer(content, cms);
    expect(await (await post({ container: container.toString('base64') })).json()).toMatchObject({ indication: 'PASSED', signatures: [{ indication: 'PASSED' }] });
    expect(await (await post(container, 'application/vnd.etsi.asic-s+zip')).json()).toMatchObject({ indication: 'PASSED' });
    const altered = await asicContainer(Buffer.from(content.toString().replace('Tốt', 'Khá')), cms);
    expect(await (await post(altered, 'application/vnd.etsi.asic-s+zip')).json()).toMatchObject({ indication: 'FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('answers bad request shapes with 400 and the field at fault', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{}, 'SIGNING.VALIDATION_INPUT_INVALID', 'signatures'],
      [[1, 2], 'SIGNING.VALIDATION_INPUT_INVALID', 'body'],
      [{ content: 'not base64!', signatures: [cms.toString('base64')] }, 'SIGNING.VALIDATION_INPUT_INVALID', 'content'],
      [{ content: 'AAAAA', signatures: [cms.toString('base64')] }, 'SIGNING.VALIDATION_INPUT_INVALID', 'content'],
      [{ content: 'AA=A', signatures: [cms.toString('base64')] }, 'SIGNING.VALIDATION_INPUT_INVALID', 'content'],
      [{ content: '', signatures: ['AAAA', ''] }, 'SIGNING.VALIDATION_INPUT_INVALID', 'signatures[1]'],
      [{ content: '', signatures: Array(21).fill('AAAA') }, 'SIGNING.VALIDATION_INPUT_INVALID', 'signatures'],
      [{ container: 'AAAA', content: '' }, 'SIGNING.VALIDATION_INPUT_INVALID', 'container'],
      [{ container: Buffer.from('not a zip').toString('base64') }, 'SIGNING.VALIDATION_INPUT_INVALID', 'container'],
    ];
    for (const [payload, code, field] of cases) {
      const res = await post(payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      const error = (await res.json()) as ErrorBody;
      expect(error).toMatchObject({ code, field });
      expect(error.message.vi.length && error.message.en.length).toBeGreaterThan(0);
    }
    const malformed = await post(Buffer.from('{"content":'), 'application/json');
    expect([malformed.status, ((await malformed.json()) as ErrorBody).code]).toEqual([400, 'COMMON.MALFORMED_JSON']);
  });

  it('refuses other media types (415) and oversized bodies (413)', async () => {
    const text = await post(Buffer.from('hello'), 'text/plain');
    expect([text.status, ((await text.json()) as ErrorBody).code]).toEqual([415, 'COMMON.UNSUPPORTED_MEDIA_TYPE']);
    const hugeContainer = await post(Buffer.alloc(20 * 1024 * 1024 + 1), 'application/zip');
    expect(hugeContainer.status).toBe(413);
    expect(await hugeContainer.json()).toMatchObject({ code: 'COMMON.BODY_TOO_LARGE', message: { en: 'The request body exceeds the 20 MiB limit' } });
    const hugeJson = await post({ content: Buffer.alloc(2 * 1024 * 1024).toString('base64'), signatures: [cms.toString('base64')] });
    expect([hugeJson.status, ((await hugeJson.json()) as ErrorBody).code]).toEqual([413, 'COMMON.BODY_TOO_LARGE']);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await fetch(`${url}/docs-json`)).json()) as { paths: Record<string, { post: { requestBody: { content: object }; responses: object } }> };
    const operation = document.paths['/v1/validations'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(['application/json', 'application/vnd.etsi.asic-s+zip', 'application/vnd.etsi.asic-e+zip']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415', '503']));
  });
});
