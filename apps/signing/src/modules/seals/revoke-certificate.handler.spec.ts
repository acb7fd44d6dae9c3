import { create } from '@bufbuild/protobuf';
import { CertificateRevokedSchema } from '@edu/contracts';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSealDirectory } from '../../testing/fake-seal-directory.js';
import { recordingContext } from '../../testing/fakes.js';
import { SignerDirectory } from '../signers/signer-directory.js';
import { SoftwareKeyStore } from '../custody/key-store.js';
import { RevokeCertificateHandler } from './revoke-certificate.handler.js';
import { SealSigners } from './seal-signers.js';

const revocation = (over: Partial<{ purpose: string; serialHex: string; orgCode: string; revokedAt: string; subjectPersonId: string }> = {}) =>
  create(CertificateRevokedSchema, {
    orgCode: 'THPT01', keyId: 'k1', purpose: 'seal', serialHex: '0a', reason: 'keyCompromise', revokedAt: '2026-11-23T10:00:00.000Z', ...over,
  });

class RecordingSignerDirectory extends SignerDirectory {
  readonly revoked: unknown[] = [];
  override async revokeCertificate(_em: unknown, r: unknown): Promise<void> {
    this.revoked.push(r);
  }
}

describe('RevokeCertificateHandler', () => {
  let seals: FakeSealDirectory;
  let people: RecordingSignerDirectory;
  let handler: RevokeCertificateHandler;
  let invalidated: string[];

  beforeEach(() => {
    seals = new FakeSealDirectory();
    people = new RecordingSignerDirectory();
    const signers = new SealSigners(seals, new SoftwareKeyStore(randomBytes(32)));
    invalidated = [];
    signers.invalidate = (org: string) => void invalidated.push(org);
    handler = new RevokeCertificateHandler(seals, signers, people, { revoke: async () => undefined });
    seals.keys.set('k1', {
      keyId: 'k1', orgCode: 'THPT01', status: 'ACTIVE', envelope: 'x', publicKeyPem: 'p', certificatePem: 'c', chainPem: [], serialHex: '0a', notAfter: null,
    });
  });

  it('revokes the seal key and drops the cached signer at once', async () => {
    await handler.execute(revocation(), recordingContext());
    expect(seals.keys.get('k1')?.status).toBe('REVOKED');
    expect(invalidated).toEqual(['THPT01']);
    expect(await seals.revokedSeal(recordingContext().em, 'THPT01')).toMatchObject({ serialHex: '0a', reason: 'keyCompromise' });
  });

  it('ignores a seal serial signing never held', async () => {
    await handler.execute(revocation({ serialHex: 'ff' }), recordingContext());
    expect(seals.keys.get('k1')?.status).toBe('ACTIVE');
    expect(invalidated).toEqual([]);
  });

  it("records a person's revoked certificate in the signer directory", async () => {
    await handler.execute(revocation({ purpose: 'person', subjectPersonId: '3100000003', serialHex: '0b' }), recordingContext());
    expect(people.revoked).toEqual([
      { orgCode: 'THPT01', serialHex: '0b', revokedAt: new Date('2026-11-23T10:00:00.000Z'), reason: 'keyCompromise', personId: '3100000003' },
    ]);
  });

  it.each([
    [{ serialHex: '' }, 'serialHex'],
    [{ orgCode: '' }, 'orgCode'],
    [{ revokedAt: 'yesterday' }, 'revokedAt'],
    [{ purpose: 'person' }, 'subjectPersonId'],
  ])('dead-letters an incomplete event %o', async (over, field) => {
    const err = await handler.execute(revocation(over), recordingContext()).catch((e) => e);
    expect(err).toMatchObject({ code: 'SIGNING.EVENT_INCOMPLETE', field });
  });
});
