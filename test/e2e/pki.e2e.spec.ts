import { decodeEvent, Topics } from '@edu/contracts';
import { makeSectorId } from '@edu/ids';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, schoolToken, tokenFor, type ErrorBody } from '../support/api.js';
import { consumeUntil, topicEnds } from '../support/kafka.js';
import { opensslIn } from '../support/openssl.js';
import { demoClient, URLS } from '../support/stack.js';
import { scratchDir } from '../support/scratch-dir.js';

interface Certificate {
  serial: string;
  status: string;
  revocationReason: string | null;
  certificatePem: string;
  chainPem: string[];
  replaces: string | null;
}
const ORG = demoClient('school', 0).org;
const identity = { base: URLS.identity };

/** The PKI over HTTP with OpenSSL as the relying party: issue from a CSR, CRL, OCSP (POST and GET), revocation. */
describe('PKI: certificates, CRL and OCSP', () => {
  const dir = scratchDir('pki-e2e-');
  const ssl = (...args: string[]) => opensslIn(dir, args);
  const operator = () => tokenFor(demoClient('operator'));
  let leaf: Certificate;

  /** A fresh EC P-256 key and CSR made by OpenSSL, as a token or an HSM would. */
  const newCsr = (subject: string, keyArgs = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']) => {
    ssl('req', '-new', ...keyArgs, '-nodes', '-keyout', 'key.pem', '-subj', subject, '-out', 'req.pem');
    return readFileSync(join(dir, 'req.pem'), 'utf8');
  };
  const issueTsa = async () => {
    const res = await call<Certificate>('POST', '/v1/certificates', {
      ...identity,
      token: await operator(),
      body: { profile: 'tsa', orgCode: ORG, csrPem: newCsr(`/CN=E2E time-stamping unit/serialNumber=${ORG}`) },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const fetchCrl = async () => {
    const res = await call('GET', '/pki/crl/issuing.crl', identity);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pkix-crl');
    writeFileSync(join(dir, 'crl.der'), res.bytes);
    ssl('crl', '-inform', 'DER', '-in', 'crl.der', '-out', 'crl.pem');
    return ssl('crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text').out;
  };
  const ocspPost = (nonce: boolean) =>
    ssl('ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-url', `${URLS.identity}/pki/ocsp`, '-CAfile', 'chain.pem', '-resp_text', ...(nonce ? [] : ['-no_nonce'])).out;
  const crlVerify = () => ssl('verify', '-crl_check', '-CRLfile', 'crl.pem', '-CAfile', 'chain.pem', 'leaf.pem');

  beforeAll(async () => {
    leaf = await issueTsa();
    writeFileSync(join(dir, 'leaf.pem'), leaf.certificatePem);
    writeFileSync(join(dir, 'issuing.pem'), leaf.chainPem[0]);
    writeFileSync(join(dir, 'chain.pem'), leaf.chainPem.join(''));
  });

  it('issues from a CSR a certificate OpenSSL chains and finds not revoked on the CRL', async () => {
    expect(leaf.status).toBe('valid');
    expect(ssl('x509', '-in', 'leaf.pem', '-noout', '-text').out).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
    await fetchCrl();
    expect(crlVerify().out).toContain('leaf.pem: OK');
  });

  it('answers OCSP good over POST, with and without a nonce, and over GET', async () => {
    for (const nonce of [true, false]) {
      const out = ocspPost(nonce);
      expect(out).toContain('Response verify OK');
      expect(out).toContain('leaf.pem: good');
      expect(out.includes('OCSP Nonce')).toBe(nonce);
    }
    ssl('ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-no_nonce', '-reqout', 'get-req.der');
    const encoded = encodeURIComponent(readFileSync(join(dir, 'get-req.der')).toString('base64'));
    const res = await call('GET', `/pki/ocsp/${encoded}`, identity);
    expect(res.headers.get('content-type')).toBe('application/ocsp-response');
    writeFileSync(join(dir, 'get-resp.der'), res.bytes);
    const out = ssl('ocsp', '-respin', 'get-resp.der', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-CAfile', 'chain.pem', '-resp_text').out;
    expect(out).toContain('Response verify OK');
    expect(out).toContain('leaf.pem: good');
  });

  it('revokes once, announces it, and then the CRL and OCSP both say revoked', async () => {
    const from = await topicEnds(Topics.CertificateRevoked);
    const path = `/v1/certificates/${leaf.serial}/revocation`;
    const revoked = await call<Certificate>('POST', path, { ...identity, token: await operator(), body: { reason: 'cessationOfOperation' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'cessationOfOperation' });
    const again = await call<ErrorBody>('POST', path, { ...identity, token: await operator(), body: { reason: 'keyCompromise' } });
    expect([again.status, again.body.code]).toEqual([409, 'IDENTITY.CERTIFICATE_ALREADY_REVOKED']);

    const crl = await fetchCrl();
    expect(crl).toContain(`Serial Number: ${leaf.serial.toUpperCase()}`);
    expect(crl).toContain('Cessation Of Operation');
    expect(crlVerify().out).toMatch(/certificate revoked/);
    for (const nonce of [true, false]) {
      const out = ocspPost(nonce);
      expect(out).toContain('Response verify OK');
      expect(out).toContain('leaf.pem: revoked');
      expect(out).toMatch(/Reason: cessationOfOperation/);
    }
    const messages = await consumeUntil(Topics.CertificateRevoked, (ms) => ms.some((m) => m.value?.includes(leaf.serial)), 60_000, from);
    const event = decodeEvent(Topics.CertificateRevoked, messages.find((m) => m.value?.includes(leaf.serial))!.value!);
    expect(event.payload).toMatchObject({ orgCode: ORG, purpose: 'tsa', serialHex: leaf.serial, reason: 'cessationOfOperation' });

    const view = await call<Certificate>('GET', `/v1/certificates/${leaf.serial}`, { ...identity, token: await operator() });
    expect(view.body).toMatchObject({ status: 'revoked', certificatePem: leaf.certificatePem });
    const list = await call<{ items: Certificate[] }>('GET', `/v1/certificates?org=${ORG}&status=revoked&limit=1000`, { ...identity, token: await operator() });
    expect(list.body.items.map((c) => c.serial)).toContain(leaf.serial);
  });

  it('answers a malformed OCSP request with malformedRequest, not an HTTP error', async () => {
    const res = await call('POST', '/pki/ocsp', { ...identity, raw: Buffer.from('not an OCSP request'), headers: { 'content-type': 'application/ocsp-request' } });
    expect(res.status).toBe(200);
    writeFileSync(join(dir, 'bad.der'), res.bytes);
    expect(ssl('ocsp', '-respin', 'bad.der', '-resp_text', '-noverify').out).toMatch(/malformedrequest/i);
    const get = await call('GET', `/pki/ocsp/${encodeURIComponent(Buffer.from('garbage').toString('base64'))}`, identity);
    writeFileSync(join(dir, 'bad-get.der'), get.bytes);
    expect(get.status).toBe(200);
    expect(ssl('ocsp', '-respin', 'bad-get.der', '-resp_text', '-noverify').out).toMatch(/malformedrequest/i);
    // A path that is not even valid percent-encoding fails at the HTTP layer, as a 4xx with a code.
    const undecodable = await call<ErrorBody>('GET', '/pki/ocsp/%%%', identity);
    expect([undecodable.status, undecodable.body.code]).toEqual([400, 'COMMON.INVALID_PARAMETER']);
  });

  it('refuses bad requests with a code and the field', async () => {
    const post = async (body: unknown, token?: string) => call<ErrorBody>('POST', '/v1/certificates', { ...identity, token: token ?? (await operator()), body });
    const expectError = (res: { status: number; body: ErrorBody }, status: number, code: string, field: string) =>
      expect([res.status, res.body.code, res.body.field]).toEqual([status, code, field]);
    expectError(await post({ profile: 'tsa', orgCode: ORG, csrPem: 'nope' }), 400, 'IDENTITY.CSR_INVALID', 'csrPem');
    expectError(await post({ profile: 'root', orgCode: ORG, csrPem: 'x' }), 400, 'IDENTITY.INVALID_REQUEST', 'profile');
    expectError(await post({ profile: 'tsa', orgCode: ORG, csrPem: newCsr(`/CN=x/serialNumber=${ORG}`, ['-newkey', 'rsa:1024']) }), 422, 'IDENTITY.CSR_KEY_NOT_ALLOWED', 'csrPem');
    expectError(await post({ profile: 'tsa', orgCode: ORG, csrPem: newCsr('/CN=x/serialNumber=99999999') }), 422, 'IDENTITY.CSR_SUBJECT_MISMATCH', 'csrPem.subject.serialNumber');
    const school = await schoolToken(0);
    expectError(await post({ profile: 'seal', orgCode: ORG, csrPem: newCsr(`/CN=x/serialNumber=${ORG}`) }, school), 403, 'IDENTITY.CERTIFICATE_PROFILE_FORBIDDEN', 'profile');
    const stranger = makeSectorId('31', 9_999_998);
    expectError(await post({ profile: 'person', orgCode: ORG, csrPem: newCsr(`/CN=Nobody/serialNumber=${stranger}`) }, school), 422, 'IDENTITY.CSR_SUBJECT_MISMATCH', 'csrPem.subject.serialNumber');
    const revoke = (serial: string, body: unknown) => call<ErrorBody>('POST', `/v1/certificates/${serial}/revocation`, { ...identity, token: '', body });
    expectError(await revoke('abcdef', { reason: 'keyCompromise' }), 401, 'AUTH.TOKEN_MISSING', 'authorization');
    const asOperator = async (serial: string, body: unknown) => call<ErrorBody>('POST', `/v1/certificates/${serial}/revocation`, { ...identity, token: await operator(), body });
    expectError(await asOperator('abcdef', { reason: 'keyCompromise' }), 404, 'IDENTITY.CERTIFICATE_NOT_FOUND', 'serial');
    expectError(await asOperator(leaf.serial, { reason: 'certificateHold' }), 400, 'IDENTITY.INVALID_REQUEST', 'reason');
    expectError(await asOperator(leaf.serial, { reason: 'because' }), 400, 'IDENTITY.INVALID_REQUEST', 'reason');
  });

  it('renews a certificate once, keeping the old one valid', async () => {
    const old = await issueTsa();
    const renewal = await call<Certificate>('POST', `/v1/certificates/${old.serial}/renewal`, { ...identity, token: await operator(), body: {} });
    expect(renewal.status).toBe(201);
    expect(renewal.body).toMatchObject({ replaces: old.serial, status: 'valid' });
    const view = await call<Certificate & { replacedBy: string }>('GET', `/v1/certificates/${old.serial}`, { ...identity, token: await operator() });
    expect(view.body).toMatchObject({ status: 'valid', replacedBy: renewal.body.serial });
    const twice = await call<ErrorBody>('POST', `/v1/certificates/${old.serial}/renewal`, { ...identity, token: await operator(), body: {} });
    expect([twice.status, twice.body.code]).toEqual([409, 'IDENTITY.CERTIFICATE_ALREADY_RENEWED']);
  });

  it('registers, publishes and disables external trust anchors', async () => {
    ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ext.key', '-subj', `/CN=E2E External CA ${Date.now()}/O=VNPT-CA test`,
      '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ext.pem');
    const pem = readFileSync(join(dir, 'ext.pem'), 'utf8');
    const add = async (certificatePem: string) => call<{ id: string; code: string; field: string }>('POST', '/v1/trust-anchors', { ...identity, token: await operator(), body: { certificatePem } });
    const added = await add(pem);
    expect(added.status).toBe(201);
    expect((await add(pem)).body.code).toBe('IDENTITY.TRUST_ANCHOR_DUPLICATE');
    expect((await add(leaf.certificatePem)).body).toMatchObject({ code: 'IDENTITY.TRUST_ANCHOR_INVALID', field: 'certificatePem' });
    const published = async () => (await call('GET', '/pki/trust-anchors.pem', identity)).bytes.toString();
    expect(await published()).toContain(pem.trim().split('\n')[1]);
    const school = await call('GET', '/v1/trust-anchors', { ...identity, token: await schoolToken(0) });
    expect(school.status).toBe(403);
    const disabled = await call<{ enabled: boolean }>('POST', `/v1/trust-anchors/${added.body.id}/disable`, { ...identity, token: await operator() });
    expect(disabled.body.enabled).toBe(false);
    expect(await published()).not.toContain(pem.trim().split('\n')[1]);
  });
});
