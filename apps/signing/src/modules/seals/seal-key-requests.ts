import { Topics, uuidv7 } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { KeyStore } from '../custody/key-store.js';
import { SealDirectory } from './seal-directory.js';

export interface Cause {
  correlationId?: string;
  causationId?: string;
}

/** Creates a PENDING seal key in custody and asks identity, through the outbox, to certify it. */
@Injectable()
export class SealKeyRequests {
  constructor(
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async request(em: EntityManager, orgCode: string, cause: Cause = {}): Promise<string> {
    const keyId = uuidv7();
    const { handle: envelope, publicKeyPem } = await this.keys.create('RSA-2048');
    await this.directory.insertPendingKey(em, { keyId, orgCode, envelope, publicKeyPem });
    await this.outbox.append(em, orgCode, {
      type: Topics.SealKeyRegistered,
      ...cause,
      payload: { orgCode, keyId, publicKeyPem, purpose: 'seal', personId: '' },
    });
    return keyId;
  }
}
