import { create } from '@bufbuild/protobuf';
import {
  CertificateIssuedSchema,
  CertificateRevokedSchema,
  decodeEvent,
  OrganisationRegisteredSchema,
  Topics,
  uuidv7,
  type EventMeta,
  type Topic,
} from '@edu/contracts';
import { generateRsaKeyPair, issueCertificate, publicKeyFromPem, sha256Hex } from '@edu/crypto';
import { checkStatus, validateDetached } from '../../../test/support/cms.js';
import { OutboxWriter, type EventContext } from '@edu/messaging';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { ObjectStore } from '@edu/storage';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningConfig } from './config.js';
import { SIGNING_MIGRATIONS } from './migrations/index.js';
import { ActivateSealHandler } from './modules/seals/activate-seal.handler.js';
import { SoftwareKeyStore } from './modules/custody/key-store.js';
import { RegisterOrganisationHandler } from './modules/seals/register-organisation.handler.js';
import { RevokeCertificateHandler } from './modules/seals/revoke-certificate.handler.js';
import { SealDirectory } from './modules/seals/seal-directory.js';
import { SealKeyRequests } from './modules/seals/seal-key-requests.js';
import { SealSigners } from './modules/seals/seal-signers.js';
import { InstitutionSeal } from './modules/signatures/institution-seal.js';
import { StagedContent } from './modules/signatures/staged-content.js';
import { SignerDirectory } from './modules/signers/signer-directory.js';
import { noTimeStampUnit } from './testing/fakes.js';
import { stackEnv } from '../../../test/support/stack.js';

const env = stackEnv();

/**
 * The handlers against the real PostgreSQL (real migrations, in a throwaway schema) and MinIO, without Kafka: the
 * inbox/outbox plumbing is tested end to end; here the SQL and the object reads are what is checked. Needs the stack
 * that `./edu up` starts.
 */
describe('signing against PostgreSQL and MinIO', () => {
  const schema = `signing_it_${randomBytes(4).toString('hex')}`;
  const orgCode = `IT${randomBytes(3).toString('hex').toUpperCase()}`;
  const bucket = env.STAGING_BUCKET ?? 'edu-staging';
  const objectKey = `it-signing/${uuidv7()}.json`;
  const content = Buffer.from(JSON.stringify({ hocSinh: 'Nguyễn Văn A', diem: 9.5 }));
  let ds: DataSource;
  let store: ObjectStore;
  let handlers: { register: RegisterOrganisationHandler; activate: ActivateSealHandler; seal: InstitutionSeal; content: StagedContent; revoke: RevokeCertificateHandler };
  const directory = new SealDirectory();

  const run = async (type: Topic, fn: (ctx: EventContext) => Promise<void>) => {
    const meta: EventMeta = { eventId: uuidv7(), type, occurredAt: new Date(), correlationId: 'it', causationId: '', producer: 'it' };
    await ds.transaction((em) => fn({ em, meta, key: '' }));
  };
  const outbox = async <T extends Topic>(topic: T) =>
    ((await ds.query('SELECT key, payload FROM outbox WHERE topic = $1 ORDER BY id', [topic])) as Array<{ key: string; payload: Buffer }>).map(
      (r) => ({ key: r.key, ...decodeEvent(topic, r.payload) }),
    );

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL!, schema, migrations: SIGNING_MIGRATIONS, poolSize: 2 });
    store = new ObjectStore({ endPoint: env.MINIO_ENDPOINT ?? '127.0.0.1', port: Number(env.MINIO_PORT ?? 9000), accessKey: env.MINIO_ACCESS_KEY!, secretKey: env.MINIO_SECRET_KEY! });
    // The staging bucket is `./edu up`'s to create (versioned); the test does not make one of its own.
    const keys = new SoftwareKeyStore(randomBytes(32));
    const signers = new SealSigners(directory, keys);
    const writer = new OutboxWriter('signing');
    handlers = {
      register: new RegisterOrganisationHandler(directory, new SealKeyRequests(directory, keys, writer), noTimeStampUnit),
      revoke: new RevokeCertificateHandler(directory, signers, new SignerDirectory(), { revoke: async () => undefined }),
      activate: new ActivateSealHandler(directory, signers),
      seal: new InstitutionSeal(signers),
      content: new StagedContent(store, { STAGING_BUCKET: bucket } as SigningConfig),
    };
  });

  afterAll(async () => {
    await store?.remove(bucket, objectKey).catch(() => undefined);
    if (ds?.isInitialized) {
      await ds.query(`DROP SCHEMA ${schema} CASCADE`);
      await ds.destroy();
    }
  });

  it('takes a school from registration to a verified seal over staged content', async () => {
    const registered = create(OrganisationRegisteredSchema, { code: orgCode, name: 'Trường IT', level: 'THPT', status: 'ACTIVE' });
    await run(Topics.OrganisationRegistered, (ctx) => handlers.register.execute(registered, ctx));
    await run(Topics.OrganisationRegistered, (ctx) => handlers.register.execute(registered, ctx));
    const [request, ...more] = await outbox(Topics.SealKeyRegistered);
    expect(more).toHaveLength(0);
    expect(request.key).toBe(orgCode);
    const [stored] = await ds.query('SELECT status, key_envelope FROM seal_keys WHERE key_id = $1', [request.payload.keyId]);
    expect(stored.status).toBe('PENDING');
    expect(stored.key_envelope).not.toMatch(/PRIVATE KEY/);

    const { versionId } = await store.put(bucket, objectKey, content, 'application/json');
    const staged = { bucket, key: objectKey, sha256: sha256Hex(content), size: BigInt(content.length), versionId: versionId ?? '', inline: new Uint8Array() };
    const bytes = await handlers.content.read(staged);
    expect(bytes.equals(content)).toBe(true);
    await expect(handlers.content.read({ ...staged, sha256: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'SIGNING.CONTENT_MISMATCH' });
    await expect(handlers.content.read({ ...staged, key: `${objectKey}.gone`, versionId: '' })).rejects.toMatchObject({ code: 'SIGNING.CONTENT_MISSING' });
    await expect(handlers.seal.of(ds.manager, orgCode)).rejects.toMatchObject({ code: 'SIGNING.SEAL_NOT_READY' });

    // Play identity: a CA certifies the pending public key.
    const rootKeys = generateRsaKeyPair();
    const rootPem = issueCertificate({ profile: 'root-ca', subject: { commonName: 'IT Root' }, publicKey: rootKeys.publicKey, issuer: { selfSigned: true, privateKey: rootKeys.privateKey } });
    const issuingKeys = generateRsaKeyPair();
    const issuingPem = issueCertificate({ profile: 'issuing-ca', subject: { commonName: 'IT Issuing' }, publicKey: issuingKeys.publicKey, issuer: { certPem: rootPem, privateKey: rootKeys.privateKey } });
    const sealPem = issueCertificate({ profile: 'seal', subject: { commonName: 'Truong IT' }, publicKey: publicKeyFromPem(request.payload.publicKeyPem), issuer: { certPem: issuingPem, privateKey: issuingKeys.privateKey } });
    const issued = create(CertificateIssuedSchema, { orgCode, keyId: request.payload.keyId, purpose: 'seal', serialHex: '', certificatePem: sealPem, chainPem: [issuingPem, rootPem], notAfter: '' });
    await run(Topics.CertificateIssued, (ctx) => handlers.activate.execute(issued, ctx));

    const seal = await handlers.seal.of(ds.manager, orgCode);
    const report = await validateDetached(bytes, seal.signer.sign(bytes), [rootPem]);
    expect([checkStatus(report, 'integrity'), checkStatus(report, 'chain')]).toEqual(['passed', 'passed']);
    expect(report.signer?.subject).toBe(seal.signerSubject);

    const seals = await directory.listSeals(ds.manager);
    const active = seals.find((s) => s.org === orgCode)!;
    expect(active).toMatchObject({ status: 'ACTIVE', serial: expect.stringMatching(/^[0-9a-f]+$/) });

    // Identity revokes the seal: it seals nothing more, and says why.
    const revoked = create(CertificateRevokedSchema, {
      orgCode, keyId: request.payload.keyId, purpose: 'seal', serialHex: active.serial!.toUpperCase(), reason: 'keyCompromise', revokedAt: new Date().toISOString(),
    });
    await run(Topics.CertificateRevoked, (ctx) => handlers.revoke.execute(revoked, ctx));
    await expect(handlers.seal.of(ds.manager, orgCode)).rejects.toMatchObject({ code: 'SIGNING.SEAL_REVOKED', text: { en: expect.stringContaining('keyCompromise') } });
    expect((await directory.listSeals(ds.manager)).find((s) => s.org === orgCode)).toMatchObject({ status: 'REVOKED' });

    // Re-registering the school does not quietly make a new seal; only an operator's rotation does.
    await run(Topics.OrganisationRegistered, (ctx) => handlers.register.execute(registered, ctx));
    expect(await outbox(Topics.SealKeyRegistered)).toHaveLength(1);
  });
});
