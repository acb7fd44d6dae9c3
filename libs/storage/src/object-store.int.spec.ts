import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import { ObjectStore } from './object-store.js';

const env = stackEnv();
const store = new ObjectStore({ endPoint: env.MINIO_ENDPOINT, port: Number(env.MINIO_PORT), accessKey: env.MINIO_ACCESS_KEY, secretKey: env.MINIO_SECRET_KEY });
const bucket = env.ARCHIVE_BUCKET ?? 'edu-archive';

describe('ObjectStore against the real MinIO object-lock bucket', () => {
  it('writes a locked object once: a repeat with the same bytes finds it, other bytes are refused', async () => {
    const key = `itest/${randomUUID()}.bin`;
    const retention = { mode: 'COMPLIANCE' as const, retainUntil: new Date(Date.now() + 60_000) };
    const first = await store.putLockedOnce(bucket, key, Buffer.from('one'), 'text/plain', retention, 'sha-one');
    expect(first?.created).toBe(true);
    const again = await store.putLockedOnce(bucket, key, Buffer.from('one'), 'text/plain', retention, 'sha-one');
    expect(again).toEqual({ versionId: first!.versionId, created: false });
    expect(await store.putLockedOnce(bucket, key, Buffer.from('two'), 'text/plain', retention, 'sha-two')).toBeNull();
    expect((await store.listVersions(bucket, key)).filter((v) => v.key === key)).toHaveLength(1);
  });

  it('writes an object and its COMPLIANCE retention in one request', async () => {
    const key = `itest/${randomUUID()}.bin`;
    const retainUntil = new Date(Date.now() + 60_000);
    const stored = await store.putLocked(bucket, key, Buffer.from('sealed'), 'application/octet-stream', { mode: 'COMPLIANCE', retainUntil }, { sha256: 'feed' });
    const read = await store.getRetention(bucket, key, stored.versionId!);
    expect(read?.mode).toBe('COMPLIANCE');
    expect(Math.abs(read!.retainUntil.getTime() - retainUntil.getTime())).toBeLessThan(1000);
    expect(await store.findVersionWithSha256(bucket, key, 'feed')).toBe(stored.versionId);
    await expect(store.remove(bucket, key, stored.versionId!)).rejects.toThrow(/WORM|retention|locked|InvalidRequest|AccessDenied/i);
    expect((await store.get(bucket, key, stored.versionId!)).toString()).toBe('sealed');
  });

  it('keeps every version of a key, unlocked ones without retention, and lists them all', async () => {
    const key = `itest/${randomUUID()}.bin`;
    const v1 = await store.put(bucket, key, Buffer.from('first'), 'application/octet-stream');
    const v2 = await store.put(bucket, key, Buffer.from('second'), 'application/octet-stream');
    expect(v1.versionId).toBeTruthy();
    expect(v2.versionId).not.toBe(v1.versionId);
    expect(await store.getRetention(bucket, key, v1.versionId!)).toBeNull();
    expect((await store.get(bucket, key, v1.versionId!)).toString()).toBe('first');
    expect((await store.get(bucket, key)).toString()).toBe('second');
    expect(await store.findVersionWithSha256(bucket, key, 'nope')).toBeNull();
    expect(await store.findVersionWithSha256(bucket, `${key}.missing`, 'nope')).toBeNull();
    const versions = (await store.listVersions(bucket, key)).filter((v) => v.key === key);
    expect(versions.map((v) => v.versionId).sort()).toEqual([v1.versionId, v2.versionId].sort());
  });
});
