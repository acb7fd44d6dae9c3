import { Client } from 'minio';
import type { Readable } from 'node:stream';

export interface ObjectStoreOptions {
  endPoint: string;
  port: number;
  accessKey: string;
  secretKey: string;
  useSSL?: boolean;
}

export interface StoredObject {
  versionId: string | null;
  etag: string;
}

export interface Retention {
  mode: 'COMPLIANCE' | 'GOVERNANCE';
  retainUntil: Date;
}

/** MinIO/S3 behind the few operations the services need. Object lock is set explicitly and read back. */
export class ObjectStore {
  private readonly client: Client;

  constructor(opts: ObjectStoreOptions) {
    // A fixed region stops the client asking the server for the bucket region again after every error.
    this.client = new Client({ ...opts, useSSL: opts.useSSL ?? false, region: 'us-east-1' });
  }

  async ensureBucket(bucket: string, objectLock = false): Promise<void> {
    if (await this.client.bucketExists(bucket)) return;
    await this.client.makeBucket(bucket, 'us-east-1', { ObjectLocking: objectLock });
  }

  async put(bucket: string, key: string, body: Buffer, contentType: string): Promise<StoredObject> {
    const info = await this.client.putObject(bucket, key, body, body.length, { 'Content-Type': contentType });
    return { versionId: info.versionId ?? null, etag: info.etag };
  }

  async get(bucket: string, key: string, versionId?: string): Promise<Buffer> {
    const stream = await this.client.getObject(bucket, key, versionId ? { versionId } : undefined);
    return readAll(stream);
  }

  /** Sets retention on one version. (Lock headers passed as put metadata are silently stored as user metadata.) */
  async setRetention(bucket: string, key: string, versionId: string, retention: Retention): Promise<void> {
    await this.client.putObjectRetention(bucket, key, {
      versionId,
      mode: retention.mode,
      retainUntilDate: retention.retainUntil.toISOString(),
    } as never);
  }

  async getRetention(bucket: string, key: string, versionId: string): Promise<Retention | null> {
    try {
      const r = (await this.client.getObjectRetention(bucket, key, { versionId })) as
        | { mode?: string; retainUntilDate?: string }
        | undefined;
      if (!r?.mode || !r.retainUntilDate) return null;
      return { mode: r.mode as Retention['mode'], retainUntil: new Date(r.retainUntilDate) };
    } catch (err) {
      if ((err as { code?: string }).code === 'NoSuchObjectLockConfiguration') return null;
      throw err;
    }
  }

  async remove(bucket: string, key: string, versionId?: string): Promise<void> {
    await this.client.removeObject(bucket, key, versionId ? { versionId } : {});
  }

  async exists(bucket: string, key: string, versionId?: string): Promise<boolean> {
    try {
      await this.client.statObject(bucket, key, versionId ? { versionId } : {});
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'NotFound' || (err as { code?: string }).code === 'NoSuchKey') return false;
      throw err;
    }
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
