import { generateRsaKeyPair, issueCertificate } from '@edu/crypto';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import { SIGNING_MIGRATIONS } from '../../migrations/index.js';
import { SignerDirectory } from './signer-directory.js';

/** The signer directory's SQL on the real PostgreSQL, in a throwaway schema. */
describe('SignerDirectory against PostgreSQL', () => {
  const env = stackEnv();
  const schema = `signers_it_${randomBytes(4).toString('hex')}`;
  const directory = new SignerDirectory();
  let ds: DataSource;
  const keys = generateRsaKeyPair();
  const certificatePem = issueCertificate({ profile: 'root-ca', subject: { commonName: 'Stand-in' }, publicKey: keys.publicKey, issuer: { selfSigned: true, privateKey: keys.privateKey } });
  const cert = (serialHex: string) => ({ serialHex, personId: '3100000003', orgCode: '31000101', certificatePem, chainPem: [], notAfter: new Date(Date.now() + 86_400_000) });

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: SIGNING_MIGRATIONS, poolSize: 2 });
    await directory.upsertSigner(ds.manager, { personId: '3100000003', orgCode: '31000101', fullName: 'Nguyễn Thị Lan', role: 'TEACHER', status: 'ACTIVE' });
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('offers a valid certificate until it is revoked, then never again', async () => {
    await directory.recordCertificate(ds.manager, cert('0A01'));
    expect((await directory.usableCertificates(ds.manager, '3100000003')).map((c) => c.serialHex)).toEqual(['0a01']);
    await directory.revokeCertificate(ds.manager, { serialHex: '0A01', personId: '3100000003', orgCode: '31000101', revokedAt: new Date(), reason: 'affiliationChanged' });
    await directory.recordCertificate(ds.manager, cert('0a01')); // a redelivered issuance must not revive it
    expect(await directory.usableCertificates(ds.manager, '3100000003')).toEqual([]);
  });

  it('keeps a revocation that arrives before the certificate it revokes', async () => {
    await directory.revokeCertificate(ds.manager, { serialHex: '0b02', personId: '3100000003', orgCode: '31000101', revokedAt: new Date(), reason: 'keyCompromise' });
    await directory.recordCertificate(ds.manager, cert('0b02'));
    expect(await directory.usableCertificates(ds.manager, '3100000003')).toEqual([]);
  });

  it('offers nothing for a person who left', async () => {
    await directory.recordCertificate(ds.manager, cert('0c03'));
    expect(await directory.usableCertificates(ds.manager, '3100000003')).toHaveLength(1);
    await directory.upsertSigner(ds.manager, { personId: '3100000003', orgCode: '31000101', fullName: 'Nguyễn Thị Lan', role: 'TEACHER', status: 'LEFT' });
    expect(await directory.usableCertificates(ds.manager, '3100000003')).toEqual([]);
  });
});
