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

  override async hasSealKey(_em: EntityManager, orgCode: string): Promise<boolean> {
    return [...this.keys.values()].some((k) => k.orgCode === orgCode && k.status !== 'RETIRED');
  }

  override async hasPendingKey(_em: EntityManager, orgCode: string): Promise<boolean> {
    return [...this.keys.values()].some((k) => k.orgCode === orgCode && k.status === 'PENDING');
  }

  override async findOrganisation(_em: EntityManager, code: string): Promise<Organisation | null> {
    return this.organisations.get(code) ?? null;
  }

  override async revokeBySerial(_em: EntityManager, r: { orgCode: string; serialHex: string; reason: string }): Promise<string | null> {
    const key = [...this.keys.values()].find((k) => k.orgCode === r.orgCode && k.serialHex === r.serialHex);
    if (!key) return null;
    Object.assign(key, { status: 'REVOKED', revocationReason: r.reason });
    return key.keyId;
  }

  override async revokedSeal(_em: EntityManager, orgCode: string): Promise<{ serialHex: string; reason: string } | null> {
    const live = [...this.keys.values()].filter((k) => k.orgCode === orgCode && k.status !== 'RETIRED');
    if (live.some((k) => k.status !== 'REVOKED')) return null;
    const revoked = live.at(-1) as (SealKey & { revocationReason?: string }) | undefined;
    return revoked ? { serialHex: revoked.serialHex ?? '', reason: revoked.revocationReason ?? '' } : null;
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

  override async renewCertificate(_em: EntityManager, a: Activation): Promise<void> {
    const key = this.keys.get(a.keyId);
    if (key?.status === 'ACTIVE') Object.assign(key, a);
  }

  override async listSeals(): Promise<SealStatus[]> {
    return [];
  }
}
