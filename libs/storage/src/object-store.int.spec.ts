import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import { ObjectStore } from './object-store.js';

const env = stackEnv();
const store = new ObjectStore({ endPoint: env.MINIO_ENDPOINT, port: Number(env.MINIO_PORT), accessKey: env.MINIO_ACCESS_KEY, secretKey: env.MINIO_SECRET_KEY });
const bucket = env.ARCHIVE_BUCKET ?? 'edu-archive';

describe('ObjectStore against the real MinIO object-lock bucket', () => {
  it('sets COMPLIANCE retention, reads it back, refuses deletion and keeps every version', async () => {
    const key = `itest/${randomUUID()}.bin`;
    const v1 = await store.put(bucket, key, Buffer.from('first'), 'application/octet-stream');
    const v2 = await store.put(bucket, key, Buffer.from('second'), 'application/octet-stream');
    expect(v1.versionId).toBeTruthy();
    expect(v2.versionId).not.toBe(v1.versionId);
    expect(await store.getRetention(bucket, key, v1.versionId!)).toBeNull();

    const retainUntil = new Date(Date.now() + 60_000);
    await store.setRetention(bucket, key, v1.versionId!, { mode: 'COMPLIANCE', retainUntil });
    const read = await store.getRetention(bucket, key, v1.versionId!);
    expect(read?.mode).toBe('COMPLIANCE');
    expect(Math.abs(read!.retainUntil.getTime() - retainUntil.getTime())).toBeLessThan(1000);
    await expect(store.remove(bucket, key, v1.versionId!)).rejects.toThrow(/WORM|retention|locked|InvalidRequest|AccessDenied/i);
    await expect(store.setRetention(bucket, key, v1.versionId!, { mode: 'COMPLIANCE', retainUntil: new Date(Date.now() + 1000) })).rejects.toThrow();

    expect((await store.get(bucket, key, v1.versionId!)).toString()).toBe('first');
    expect((await store.get(bucket, key)).toString()).toBe('second');
    const versions = (await store.listVersions(bucket, key)).filter((v) => v.key === key);
    expect(versions.map((v) => v.versionId).sort()).toEqual([v1.versionId, v2.versionId].sort());
  });
});
