import { Client } from 'minio';
import { createHash } from 'node:crypto';
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

/** MinIO/S3 behind the few operations the services need. Object lock travels in the signed PUT itself. */
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

  /**
   * Stores a new version already under retention: the lock headers travel in the signed PUT itself (S3 PutObject with
   * x-amz-object-lock-*). The client's putObject would turn them into user metadata and leave the object unlocked.
   */
  async putLocked(
    bucket: string,
    key: string,
    body: Buffer,
    contentType: string,
    retention: Retention,
    meta: Record<string, string> = {},
    opts: { ifAbsent?: boolean } = {},
  ): Promise<StoredObject> {
    const headers: Record<string, string> = {
      ...(opts.ifAbsent ? { 'if-none-match': '*' } : {}),
      'content-type': contentType,
      'content-md5': createHash('md5').update(body).digest('base64'),
      'x-amz-object-lock-mode': retention.mode,
      'x-amz-object-lock-retain-until-date': retention.retainUntil.toISOString(),
    };
    for (const [name, value] of Object.entries(meta)) headers[`x-amz-meta-${name.toLowerCase()}`] = value;
    const signed = this.client as unknown as {
      makeRequestAsyncOmit(o: object, body: Buffer): Promise<{ headers: Record<string, string | undefined> }>;
    };
    const res = await signed.makeRequestAsyncOmit({ method: 'PUT', bucketName: bucket, objectName: key, headers }, body);
    return { versionId: res.headers['x-amz-version-id'] ?? null, etag: (res.headers.etag ?? '').replace(/"/g, '') };
  }

  /**
   * Writes `body` locked under `key` unless an object is already there (a conditional PUT, If-None-Match: *). Returns
   * the stored version, or the existing one when it holds the same SHA-256 (an earlier attempt that got this far);
   * null when a different object is in the way.
   */
  async putLockedOnce(bucket: string, key: string, body: Buffer, contentType: string, retention: Retention, sha256: string): Promise<{ versionId: string; created: boolean } | null> {
    try {
      const stored = await this.putLocked(bucket, key, body, contentType, retention, { sha256 }, { ifAbsent: true });
      if (!stored.versionId) throw new Error(`bucket ${bucket} is not versioned: object lock is off`);
      return { versionId: stored.versionId, created: true };
    } catch (err) {
      if ((err as { code?: string }).code !== 'PreconditionFailed') throw err;
      const existing = await this.findVersionWithSha256(bucket, key, sha256);
      return existing ? { versionId: existing, created: false } : null;
    }
  }

  /** The version id of the current object under `key` if it was stored with this SHA-256 (see `put`), else null. */
  async findVersionWithSha256(bucket: string, key: string, sha256: string): Promise<string | null> {
    try {
      const stat = await this.client.statObject(bucket, key);
      return stat.metaData?.sha256 === sha256 && stat.versionId ? stat.versionId : null;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NotFound' || code === 'NoSuchKey') return null;
      throw err;
    }
  }

  async get(bucket: string, key: string, versionId?: string): Promise<Buffer> {
    const stream = await this.client.getObject(bucket, key, versionId ? { versionId } : undefined);
    return readAll(stream);
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

  /**
   * Every version (and delete marker) under `prefix`: the audit view of a WORM bucket. Signed by hand with sorted
   * query parameters because the client's own listObjects({ IncludeVersion }) is refused by the server's signature check.
   */
  async listVersions(bucket: string, prefix: string): Promise<ObjectVersion[]> {
    const out: ObjectVersion[] = [];
    let keyMarker = '';
    let versionMarker = '';
    for (;;) {
      const params = new URLSearchParams({ 'max-keys': '1000', prefix, versions: '' });
      if (keyMarker) params.set('key-marker', keyMarker);
      if (versionMarker) params.set('version-id-marker', versionMarker);
      params.sort();
      const query = params.toString().replace(/\+/g, '%20');
      const internal = this.client as unknown as { makeRequestAsync(o: object): Promise<Readable> };
      const xml = (await readAll(await internal.makeRequestAsync({ method: 'GET', bucketName: bucket, query }))).toString('utf8');
      for (const m of xml.matchAll(/<(Version|DeleteMarker)>([\s\S]*?)<\/\1>/g)) {
        out.push({ key: tag(m[2], 'Key'), versionId: tag(m[2], 'VersionId'), isDeleteMarker: m[1] === 'DeleteMarker' });
      }
      if (tag(xml, 'IsTruncated') !== 'true') return out;
      keyMarker = tag(xml, 'NextKeyMarker');
      versionMarker = tag(xml, 'NextVersionIdMarker');
    }
  }

}

export interface ObjectVersion {
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => XML_ENTITIES[m]);
const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? unescapeXml(m[1]) : '';
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
