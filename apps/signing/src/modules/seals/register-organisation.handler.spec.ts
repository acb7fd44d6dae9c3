import { create } from '@bufbuild/protobuf';
import { OrganisationRegisteredSchema, Topics } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { OutboxWriter } from '@edu/messaging';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSealDirectory } from '../../testing/fake-seal-directory.js';
import { CountingKeyStore, noTimeStampUnit, outboxEvents, recordingContext } from '../../testing/fakes.js';
import { SoftwareKeyStore } from '../custody/key-store.js';
import { RegisterOrganisationHandler } from './register-organisation.handler.js';
import { SealKeyRequests } from './seal-key-requests.js';

const org = (code: string, level: string, status = 'ACTIVE') =>
  create(OrganisationRegisteredSchema, { code, name: `Org ${code}`, level, status, parentCode: 'SO01' });

describe('RegisterOrganisationHandler', () => {
  let directory: FakeSealDirectory;
  let keys: CountingKeyStore;
  let handler: RegisterOrganisationHandler;

  beforeEach(() => {
    directory = new FakeSealDirectory();
    keys = new CountingKeyStore(new SoftwareKeyStore(randomBytes(32)));
    handler = new RegisterOrganisationHandler(directory, new SealKeyRequests(directory, keys, new OutboxWriter('signing')), noTimeStampUnit);
  });

  it('creates a pending seal key for an active school and asks identity to certify it', async () => {
    const ctx = recordingContext();
    await handler.execute(org('THPT01', 'THPT'), ctx);
    const [key] = directory.keys.values();
    expect(key).toMatchObject({ orgCode: 'THPT01', status: 'PENDING' });
    expect(key.envelope).not.toMatch(/PRIVATE KEY/);
    const [event] = outboxEvents(ctx, Topics.SealKeyRegistered);
    expect(event.key).toBe('THPT01');
    expect(event.payload).toMatchObject({ orgCode: 'THPT01', keyId: key.keyId, publicKeyPem: key.publicKeyPem });
    expect(event.meta.causationId).toBe(ctx.meta.eventId);
  });

  it('records administrative bodies and closed schools without a key', async () => {
    await handler.execute(org('SO01', 'SO'), recordingContext());
    await handler.execute(org('THPT02', 'THPT', 'CLOSED'), recordingContext());
    expect([...directory.organisations.keys()]).toEqual(['SO01', 'THPT02']);
    expect(keys.created).toBe(0);
  });

  it('gives a merged school no key, and no replayed ACTIVE snapshot revives a closed or merged one', async () => {
    await handler.execute(org('THCS01', 'THCS', 'MERGED'), recordingContext());
    await handler.execute(org('THPT02', 'THPT', 'CLOSED'), recordingContext());
    await handler.execute(org('THCS01', 'THCS'), recordingContext());
    const ctx = recordingContext();
    await handler.execute(org('THPT02', 'THPT'), ctx);
    expect(directory.organisations.get('THCS01')?.status).toBe('MERGED');
    expect(directory.organisations.get('THPT02')?.status).toBe('CLOSED');
    expect(keys.created).toBe(0);
    expect(outboxEvents(ctx, Topics.SealKeyRegistered)).toHaveLength(0);
  });

  it('does not create a second key when the organisation is registered again', async () => {
    await handler.execute(org('THPT01', 'THPT'), recordingContext());
    const ctx = recordingContext();
    await handler.execute(org('THPT01', 'THPT'), ctx);
    expect(keys.created).toBe(1);
    expect(outboxEvents(ctx, Topics.SealKeyRegistered)).toHaveLength(0);
  });

  it('does not replace a revoked seal on its own: an operator asks for the new one', async () => {
    await handler.execute(org('THPT01', 'THPT'), recordingContext());
    const [key] = directory.keys.values();
    Object.assign(key, { status: 'ACTIVE', serialHex: '0a' });
    await directory.revokeBySerial(recordingContext().em, { orgCode: 'THPT01', serialHex: '0a', reason: 'keyCompromise' });
    const ctx = recordingContext();
    await handler.execute(org('THPT01', 'THPT'), ctx);
    expect(keys.created).toBe(1);
    expect(outboxEvents(ctx, Topics.SealKeyRegistered)).toHaveLength(0);
  });

  it('sends an event without a code to the dead-letter topic', async () => {
    const err = await handler.execute(org('', 'THPT'), recordingContext()).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('SIGNING.EVENT_INCOMPLETE');
  });
});
