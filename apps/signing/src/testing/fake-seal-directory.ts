import type { EntityManager } from '@edu/persistence';
import type { Activation, Organisation, SealKey, SealStatus } from '../modules/seals/seal-directory.js';
import { SealDirectory } from '../modules/seals/seal-directory.js';

/** An in-memory SealDirectory for unit specs: same contract, no database. */
export class FakeSealDirectory extends SealDirectory {
  readonly organisations = new Map<string, Organisation>();
  readonly keys = new Map<string, SealKey>();
  findKeyCalls = 0;

  override async upsertOrganisation(_em: EntityManager, org: Organisation): Promise<void> {
    this.organisations.set(org.code, org);
  }

  override async hasLiveKey(_em: EntityManager, orgCode: string): Promise<boolean> {
    return [...this.keys.values()].some((k) => k.orgCode === orgCode && k.status !== 'RETIRED');
  }

  override async insertPendingKey(_em: EntityManager, k: { keyId: string; orgCode: string; envelope: string; publicKeyPem: string }): Promise<void> {
    this.keys.set(k.keyId, { ...k, status: 'PENDING', certificatePem: null, chainPem: [], serialHex: null, notAfter: null });
  }

  override async findKey(_em: EntityManager, keyId: string): Promise<SealKey | null> {
    this.findKeyCalls++;
    return this.keys.get(keyId) ?? null;
  }

  override async activeKeyId(_em: EntityManager, orgCode: string): Promise<string | null> {
    return [...this.keys.values()].find((k) => k.orgCode === orgCode && k.status === 'ACTIVE')?.keyId ?? null;
  }

  override async activate(_em: EntityManager, a: Activation): Promise<void> {
    for (const k of this.keys.values()) if (k.orgCode === a.orgCode && k.status === 'ACTIVE') k.status = 'RETIRED';
    const key = this.keys.get(a.keyId);
    if (key?.status === 'PENDING') Object.assign(key, { ...a, status: 'ACTIVE' });
  }

  override async listSeals(): Promise<SealStatus[]> {
    return [];
  }
}
