import type { Principal } from '@edu/auth';
import { Topics } from '@edu/contracts';
import { createCertificationRequest, generateKeyPair, parseCertificate, type CertificateSubject } from '@edu/crypto';
import { makeSectorId } from '@edu/ids';
import { OutboxWriter } from '@edu/messaging';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { spawnSync } from 'node:child_process';
import { randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import { loadIdentityConfig } from './config.js';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';
import { CertificateAuthority } from './modules/pki/certificate-authority.js';
import { IssueCertificateCommand, RenewCertificateCommand, RevokeCertificateCommand } from './modules/pki/certificate-requests.js';
import { CertificateRepository } from './modules/pki/certificate.repository.js';
import { CrlPublisher } from './modules/pki/crl-publisher.js';
import { IssueCertificateHandler } from './modules/pki/issue-certificate.handler.js';
import { IssuedCertificates } from './modules/pki/issued-certificates.js';
import { OcspResponder } from './modules/pki/ocsp-responder.js';
import { OcspResponderKeys } from './modules/pki/ocsp-responder-keys.js';
import { OcspResponseCache } from './modules/pki/ocsp-response-cache.js';
import { RenewCertificateHandler } from './modules/pki/renew-certificate.handler.js';
import { RevokeCertificateHandler } from './modules/pki/revoke-certificate.handler.js';
import { SignerDirectory } from './modules/pki/signer-directory.js';
import { SubjectPolicy } from './modules/pki/subject-policy.js';
import { scratchDir } from '../../../test/support/scratch-dir.js';

const ORG = '31009901';
const TEACHER = makeSectorId('31', 990001);
const operator: Principal = { clientId: 'op', org: '31000000', role: 'operator', scopes: ['operations'] };
const school: Principal = { clientId: 'school', org: ORG, role: 'school', scopes: ['documents:submit'] };

/** Issue → revoke → CRL → OCSP against the real PostgreSQL, in a throwaway schema, with OpenSSL as the client. */
describe('PKI lifecycle against PostgreSQL', () => {
  const env = stackEnv();
  const schema = `itest_pki_${randomUUID().slice(0, 8)}`;
  const config = loadIdentityConfig({ ...env, PORT: '8081', IDENTITY_PUBLIC_URL: 'http://pki.test' });
  const dir = scratchDir('pki-int-');
  let ds: DataSource;
  let ca: CertificateAuthority;
  let issue: IssueCertificateHandler;
  let renew: RenewCertificateHandler;
  let revoke: RevokeCertificateHandler;
  let crls: CrlPublisher;
  let ocsp: OcspResponder;

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 4 });
    await ds.query(`INSERT INTO organisations (code, name, level) VALUES ($1, 'Trường THPT Lê Lợi', 'THPT')`, [ORG]);
    await ds.query(`INSERT INTO sector_ids (sector_id, kind) VALUES ($1, 'STAFF')`, [TEACHER]);
    await ds.query(
      `INSERT INTO persons (person_id, personal_id, full_name, date_of_birth, gender, role, org_code) VALUES ($1, '031190000001', 'Nguyễn Thị Hoa', '1990-05-01', 'NU', 'TEACHER', $2)`,
      [TEACHER, ORG],
    );
    ca = new CertificateAuthority(ds, config);
    await ca.onModuleInit();
    const repository = new CertificateRepository();
    const outbox = new OutboxWriter('identity');
    const issued = new IssuedCertificates(repository, ca, outbox);
    const policy = new SubjectPolicy(new SignerDirectory());
    const cache = new OcspResponseCache(ds);
    const keys = new OcspResponderKeys(ds, ca, issued, config);
    await keys.ensureCurrent();
    crls = new CrlPublisher(ds, ca, repository);
    await crls.refreshDue();
    ocsp = new OcspResponder(ds, ca, keys, cache);
    issue = new IssueCertificateHandler(ds, ca, policy, issued);
    renew = new RenewCertificateHandler(ds, ca, repository, policy, issued);
    revoke = new RevokeCertificateHandler(ds, repository, cache, crls, outbox);
    writeFileSync(join(dir, 'issuing.pem'), ca.chainPems()[0]);
    writeFileSync(join(dir, 'chain.pem'), ca.chainPems().join(''));
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  const csr = (subject: CertificateSubject, key: KeyObject = generateKeyPair('EC-P256').privateKey) => createCertificationRequest(subject, key);
  const teacherCsr = () => csr({ commonName: 'NGUYEN THI HOA', serialNumber: TEACHER, organization: 'Truong THPT Le Loi' });
  const issuePerson = (csrPem = teacherCsr(), by = school) => issue.execute(by, IssueCertificateCommand.from({ profile: 'person', orgCode: ORG, csrPem }));
  const error = (promise: Promise<unknown>) => promise.then(() => undefined, (err: { code: string; field: string | null }) => ({ code: err.code, field: err.field }));

  /** OpenSSL makes the request; our responder answers; OpenSSL checks the answer against the chain. */
  const askOcsp = async (certPem: string, nonce: boolean) => {
    writeFileSync(join(dir, 'leaf.pem'), certPem);
    const run = (args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    run(['ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-reqout', 'req.der', ...(nonce ? [] : ['-no_nonce'])]);
    writeFileSync(join(dir, 'resp.der'), await ocsp.respond(readFileSync(join(dir, 'req.der'))));
    const out = run(['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-CAfile', 'chain.pem', '-resp_text']);
    expect(out.stderr).toContain('Response verify OK');
    return out.stdout;
  };
  const crlText = async () => {
    writeFileSync(join(dir, 'issuing.crl'), (await crls.latest('issuing'))!.der);
    return spawnSync('openssl', ['crl', '-inform', 'DER', '-in', 'issuing.crl', '-noout', '-text'], { cwd: dir, encoding: 'utf8' }).stdout;
  };
  const outboxTypes = async (serial: string) =>
    (await ds.query(`SELECT topic FROM outbox WHERE encode(payload, 'escape') LIKE $1 ORDER BY created_at`, [`%${serial}%`])).map((r: { topic: string }) => r.topic);

  it('issues a person certificate from a token CSR with the registry subject, and announces it', async () => {
    const cert = await issuePerson();
    expect(cert.subject).toBe(`serialNumber=${TEACHER}, CN=Nguyễn Thị Hoa, O=Trường THPT Lê Lợi, C=VN`);
    expect(cert).toMatchObject({ profile: 'person', orgCode: ORG, subjectPersonId: TEACHER, keyAlgorithm: 'EC-P256', status: 'valid' });
    expect(await outboxTypes(cert.serial)).toEqual([Topics.CertificateIssued]);
    expect(await askOcsp(cert.certificatePem, true)).toMatch(/Cert Status: good/);
  });

  it('refuses a CSR whose subject or key does not fit, with the field', async () => {
    expect(await error(issuePerson(csr({ commonName: 'Trần Văn Khác', serialNumber: TEACHER })))).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.CN' });
    const stranger = makeSectorId('31', 990002);
    expect(await error(issuePerson(csr({ commonName: 'X', serialNumber: stranger })))).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
    const p384 = (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    expect(await error(issuePerson(csr({ commonName: 'Nguyễn Thị Hoa', serialNumber: TEACHER }, p384)))).toEqual({ code: 'IDENTITY.CSR_KEY_NOT_ALLOWED', field: 'csrPem' });
    const seal = issue.execute(school, IssueCertificateCommand.from({ profile: 'seal', orgCode: ORG, csrPem: csr({ commonName: 'x', serialNumber: ORG }) }));
    expect(await error(seal)).toEqual({ code: 'IDENTITY.CERTIFICATE_PROFILE_FORBIDDEN', field: 'profile' });
    const wrongOrg = issue.execute(operator, IssueCertificateCommand.from({ profile: 'seal', orgCode: ORG, csrPem: csr({ commonName: 'x', serialNumber: '31000101' }) }));
    expect(await error(wrongOrg)).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
  });

  it('revokes once: the CRL lists it, OCSP says revoked even for a request it had cached as good', async () => {
    const cert = await issuePerson();
    expect(await askOcsp(cert.certificatePem, false)).toMatch(/Cert Status: good/);
    expect(await askOcsp(cert.certificatePem, false)).toMatch(/Cert Status: good/); // served from the cache
    expect((await ds.query('SELECT count(*)::int AS n FROM ocsp_responses WHERE serial_hex = $1', [cert.serial]))[0].n).toBe(1);

    const revoked = await revoke.execute(operator, cert.serial, RevokeCertificateCommand.from({ reason: 'affiliationChanged' }));
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'affiliationChanged' });
    expect(await error(revoke.execute(operator, cert.serial, RevokeCertificateCommand.from({ reason: 'keyCompromise' })))).toEqual({ code: 'IDENTITY.CERTIFICATE_ALREADY_REVOKED', field: 'serial' });
    expect(await error(revoke.execute(operator, 'abcdef', RevokeCertificateCommand.from({ reason: 'keyCompromise' })))).toEqual({ code: 'IDENTITY.CERTIFICATE_NOT_FOUND', field: 'serial' });

    const text = await crlText();
    expect(text).toContain(`Serial Number: ${cert.serial.toUpperCase()}`);
    expect(text).toMatch(/Affiliation Changed/);
    for (const nonce of [false, true]) {
      const answer = await askOcsp(cert.certificatePem, nonce);
      expect(answer).toMatch(/Cert Status: revoked/);
      expect(answer).toMatch(/Revocation Reason: affiliationChanged/);
    }
    expect(await outboxTypes(cert.serial)).toEqual([Topics.CertificateIssued, Topics.CertificateRevoked]);
  });

  it('numbers CRLs upwards and answers unknown for serials it never issued', async () => {
    const before = Number((await ds.query(`SELECT crl_number FROM crls WHERE issuer = 'issuing'`))[0].crl_number);
    const cert = await issuePerson();
    await revoke.execute(operator, cert.serial, RevokeCertificateCommand.from({ reason: 'keyCompromise', invalidityDate: '2026-01-01' }));
    expect(Number((await ds.query(`SELECT crl_number FROM crls WHERE issuer = 'issuing'`))[0].crl_number)).toBe(before + 1);
    const foreign = (await import('@edu/crypto')).issueCertificate({
      profile: 'person',
      subject: { commonName: 'x' },
      publicKey: generateKeyPair('EC-P256').publicKey,
      issuer: ca.signer('issuing'),
    });
    expect(await askOcsp(foreign, false)).toMatch(/Cert Status: unknown/);
    expect((await ds.query('SELECT count(*)::int AS n FROM ocsp_responses WHERE serial_hex = $1', [parseCertificate(foreign).serialHex]))[0].n).toBe(0);
  });

  it('renews with the same subject, links the two, keeps the old one valid, and renews only once', async () => {
    const old = await issuePerson();
    const successor = await renew.execute(school, old.serial, RenewCertificateCommand.from({ csrPem: teacherCsr() }));
    expect(successor).toMatchObject({ subject: old.subject, replaces: old.serial, status: 'valid' });
    const stored = await new CertificateRepository().find(ds.manager, old.serial);
    expect(stored).toMatchObject({ status: 'VALID', replacedBy: successor.serial });
    expect(await error(renew.execute(school, old.serial, RenewCertificateCommand.from({})))).toEqual({ code: 'IDENTITY.CERTIFICATE_ALREADY_RENEWED', field: 'serial' });
    const sameKey = await renew.execute(operator, successor.serial, RenewCertificateCommand.from(undefined));
    expect(parseCertificate(sameKey.certificatePem).subject).toBe(old.subject);
  });
});
