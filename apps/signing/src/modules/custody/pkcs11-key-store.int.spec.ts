import { generateKeyPair, issueCertificate, parseKek, sealPrivateKey, timeStampQuery, TimeStampAuthority } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { execFileSync, spawnSync } from 'node:child_process';
import { createPublicKey, hash, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkcs11 from 'pkcs11js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTokenKeyHandle, Pkcs11KeyStore, type Pkcs11Config } from './pkcs11-key-store.js';

// Needs only SoftHSM2 (deploy/local/softhsm.sh): a token in a temp dir, no stack.
const MODULE = '/usr/lib/softhsm/libsofthsm2.so';
const config: Pkcs11Config = { PKCS11_MODULE: MODULE, PKCS11_TOKEN_LABEL: 'edu-test', PKCS11_PIN: '1234' };
const data = Buffer.from('bảng điểm học kỳ I');

let dir: string;
const opened: Pkcs11KeyStore[] = [];

async function connect(overrides: Partial<Pkcs11Config> = {}): Promise<Pkcs11KeyStore> {
  const store = await Pkcs11KeyStore.connect({ ...config, ...overrides });
  opened.push(store);
  return store;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

/** Reads attributes of the private key with CKA_ID `id` through a session of the test's own. */
function privateKeyAttributes(id: string, types: number[]): Map<number, Buffer> {
  const lib = new pkcs11.PKCS11();
  lib.load(MODULE);
  lib.C_Initialize();
  try {
    const [slot] = lib.C_GetSlotList(true).filter((s) => lib.C_GetTokenInfo(s).label.trimEnd() === 'edu-test');
    const session = lib.C_OpenSession(slot, pkcs11.CKF_SERIAL_SESSION);
    lib.C_Login(session, pkcs11.CKU_USER, '1234');
    lib.C_FindObjectsInit(session, [
      { type: pkcs11.CKA_CLASS, value: pkcs11.CKO_PRIVATE_KEY },
      { type: pkcs11.CKA_ID, value: Buffer.from(id, 'hex') },
    ]);
    const [key] = lib.C_FindObjects(session, 1);
    lib.C_FindObjectsFinal(session);
    const values = new Map<number, Buffer>();
    for (const type of types) {
      try {
        values.set(type, lib.C_GetAttributeValue(session, key, [{ type }])[0].value);
      } catch (err) {
        values.set(type, Buffer.from((err as Error).message));
      }
    }
    return values;
  } finally {
    lib.C_Finalize();
    lib.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edu-softhsm-'));
  writeFileSync(join(dir, 'softhsm2.conf'), `directories.tokendir = ${dir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = join(dir, 'softhsm2.conf');
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'edu-test', '--pin', '1234', '--so-pin', '5678'], {
    stdio: 'ignore',
  });
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Pkcs11KeyStore on SoftHSM2', () => {
  it('creates keys on the token that sign sha256WithRSA (PKCS#1 v1.5), verified by node:crypto', async () => {
    const store = await connect();
    const first = await store.create('RSA-2048');
    const second = await store.create('RSA-2048');
    expect(first.handle).not.toBe(second.handle);

    const key = await store.open(first.handle);
    const signature = key.sign(data);
    expect(signature).toHaveLength(256);
    expect(key.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(verify('sha256', data, createPublicKey(first.publicKeyPem), signature)).toBe(true);
    expect(verify('sha256', data, key.publicKey, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('bảng điểm học kỳ II'), key.publicKey, signature)).toBe(false);
    // PKCS#1 v1.5 is deterministic (PSS would not be).
    expect(key.sign(data).equals(signature)).toBe(true);

    const other = await store.open(second.handle);
    expect(verify('sha256', data, createPublicKey(second.publicKeyPem), other.sign(data))).toBe(true);
    expect(verify('sha256', data, createPublicKey(second.publicKeyPem), signature)).toBe(false);
  });

  it('creates P-256 keys on the token whose time-stamp tokens OpenSSL verifies', async () => {
    const store = await connect();
    const created = await store.create('EC-P256');
    const key = await store.open(created.handle);
    expect(key.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(verify('sha256', data, createPublicKey(created.publicKeyPem), key.sign(data))).toBe(true);

    const root = generateKeyPair('EC-P256').privateKey;
    const rootPem = issueCertificate({ profile: 'root-ca', subject: { commonName: 'Bộ GD&ĐT – Root CA (test)' }, publicKey: root, issuer: { selfSigned: true, privateKey: root } });
    const tsaPem = issueCertificate({ profile: 'tsa', subject: { commonName: 'Sở GD&ĐT Hải Phòng – TSA (HSM)', serialNumber: 'TSA-HSM' }, publicKey: key.publicKey, issuer: { certPem: rootPem, privateKey: root } });
    const authority = new TimeStampAuthority({ certificatePem: tsaPem, chainPems: [], privateKey: key, policyOid: '1.3.6.1.4.1.55555.1.1' });
    const query = timeStampQuery({ hashAlgorithm: 'sha256', digest: hash('sha256', data, 'buffer'), nonce: Buffer.from('0123456789abcdef', 'hex'), certReq: true });
    const reply = await authority.reply(query, async () => 1n, new Date());
    writeFileSync(join(dir, 'data.bin'), data);
    writeFileSync(join(dir, 'q.tsq'), query);
    writeFileSync(join(dir, 'r.tsr'), reply);
    writeFileSync(join(dir, 'root.pem'), rootPem);
    const run = spawnSync('openssl', ['ts', '-verify', '-queryfile', 'q.tsq', '-in', 'r.tsr', '-CAfile', 'root.pem'], { cwd: dir, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toContain('Verification: OK');
  });

  it('keeps only a reference in the handle: the token label and the CKA_ID', async () => {
    const store = await connect();
    const { handle } = await store.create('RSA-2048');
    const reference = JSON.parse(handle) as Record<string, string>;
    expect(Object.keys(reference).sort()).toEqual(['id', 'token']);
    expect(reference.token).toBe('edu-test');
    expect(reference.id).toMatch(/^[0-9a-f]{32}$/);
    expect(isTokenKeyHandle(handle)).toBe(true);
    // A software store's handle is the sealed key's JSON envelope: the time-stamping unit opens such a key there.
    expect(isTokenKeyHandle(sealPrivateKey(generateKeyPair('EC-P256').privateKey, parseKek(randomBytes(32).toString('base64'))))).toBe(false);
    expect(isTokenKeyHandle('not json')).toBe(false);
  });

  it('reopens a key by its handle after the store was closed and connected again', async () => {
    const first = await connect();
    const created = await first.create('RSA-2048');
    const before = await first.open(created.handle);
    first.close();
    expect(() => before.sign(data)).toThrow(/SIGNING.HSM_UNAVAILABLE.*closed/);

    const again = await connect();
    const key = await again.open(created.handle);
    expect(verify('sha256', data, createPublicKey(created.publicKeyPem), key.sign(data))).toBe(true);
  });

  it('makes the private key sensitive and never extractable', async () => {
    const store = await connect();
    const { handle } = await store.create('RSA-2048');
    store.close();
    const { id } = JSON.parse(handle) as { id: string };
    const values = privateKeyAttributes(id, [
      pkcs11.CKA_SENSITIVE,
      pkcs11.CKA_EXTRACTABLE,
      pkcs11.CKA_ALWAYS_SENSITIVE,
      pkcs11.CKA_NEVER_EXTRACTABLE,
      pkcs11.CKA_PRIVATE_EXPONENT,
    ]);
    expect(values.get(pkcs11.CKA_SENSITIVE)).toEqual(Buffer.from([1]));
    expect(values.get(pkcs11.CKA_EXTRACTABLE)).toEqual(Buffer.from([0]));
    expect(values.get(pkcs11.CKA_ALWAYS_SENSITIVE)).toEqual(Buffer.from([1]));
    expect(values.get(pkcs11.CKA_NEVER_EXTRACTABLE)).toEqual(Buffer.from([1]));
    expect(values.get(pkcs11.CKA_PRIVATE_EXPONENT)?.toString()).toBe('CKR_ATTRIBUTE_SENSITIVE');
  });

  it('refuses a wrong PIN with a clear error that does not echo the PIN, and releases the module', async () => {
    const err = await failure(connect({ PKCS11_PIN: '9999' }));
    expect(err.code).toBe('SIGNING.HSM_LOGIN_FAILED');
    expect(err.field).toBe('PKCS11_PIN');
    expect(err.message).toMatch(/CKR_PIN_INCORRECT/);
    expect(err.message).not.toMatch(/9999/);

    const store = await connect();
    await expect(store.create('RSA-2048')).resolves.toHaveProperty('handle');
  });

  it('answers SIGNING.HSM_KEY_UNKNOWN for a handle it cannot resolve', async () => {
    const store = await connect();
    const unknown = await failure(store.open(JSON.stringify({ token: 'edu-test', id: 'ab'.repeat(16) })));
    expect(unknown.code).toBe('SIGNING.HSM_KEY_UNKNOWN');
    expect(unknown.message).toMatch(/no private key with CKA_ID abab/);

    const elsewhere = await failure(store.open(JSON.stringify({ token: 'other', id: 'ab' })));
    expect(elsewhere.code).toBe('SIGNING.HSM_KEY_UNKNOWN');
    expect(elsewhere.message).toMatch(/on token other/);

    for (const handle of ['', 'not json', 'null', '{"token":"edu-test","id":"xyz"}', '{"id":"ab"}']) {
      const malformed = await failure(store.open(handle));
      expect(malformed.code).toBe('SIGNING.HSM_KEY_UNKNOWN');
      expect(malformed.message).toMatch(/not a PKCS#11 key reference/);
    }
  });

  it('reports a missing module, an unknown token and a second store on the same module as unavailable', async () => {
    const noModule = await failure(connect({ PKCS11_MODULE: join(dir, 'missing.so') }));
    expect(noModule.code).toBe('SIGNING.HSM_UNAVAILABLE');
    expect(noModule.message).toMatch(/missing\.so/);

    const noToken = await failure(connect({ PKCS11_TOKEN_LABEL: 'nope' }));
    expect(noToken.code).toBe('SIGNING.HSM_UNAVAILABLE');
    expect(noToken.message).toMatch(/no initialised token labelled nope/);

    const store = await connect();
    const second = await failure(connect());
    expect(second.message).toMatch(/CKR_CRYPTOKI_ALREADY_INITIALIZED/);
    // The failed second store left the first one working.
    const key = await store.open((await store.create('RSA-2048')).handle);
    expect(key.sign(data)).toHaveLength(256);
  });
});
