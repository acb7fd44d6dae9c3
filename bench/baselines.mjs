// The two baselines measured in the same run: OpenSSL's RSA-2048 signing and raw MinIO PUTs into an object-lock bucket.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'minio';
import { ENV, pool } from './lib.mjs';

/** `openssl speed rsa2048` on one core: signs per second. */
export function opensslRsa2048SignsPerSecond(seconds = 3) {
  const out = execFileSync('openssl', ['speed', '-seconds', String(seconds), '-multi', '1', 'rsa2048'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  const line = out.split('\n').find((l) => /^rsa\s+2048\s+bits/.test(l.trim()) || /^\+?F\d?:\d+:\d+:2048:/.test(l));
  if (!line) throw new Error(`cannot read openssl speed output:\n${out}`);
  const fields = line.trim().split(/\s+/);
  // "rsa 2048 bits 0.000568s 0.000016s 1760.3 62500.0" → sign/s is the third number from the end
  return Number(fields[fields.length - 2]);
}

/** Raw PUT/s of objects of `size` bytes into the object-lock bucket, at `concurrency`, then removes them. */
export async function minioPutsPerSecond(size, count = 2000, concurrency = 16) {
  const client = new Client({
    endPoint: ENV.MINIO_ENDPOINT, port: Number(ENV.MINIO_PORT), useSSL: false,
    accessKey: ENV.MINIO_ACCESS_KEY, secretKey: ENV.MINIO_SECRET_KEY, region: 'us-east-1',
  });
  const bucket = ENV.ARCHIVE_BUCKET ?? 'edu-archive';
  const run = randomUUID();
  const body = randomBytes(size);
  const names = [];
  const t0 = performance.now();
  await pool(count, concurrency, async (i) => {
    const name = `bench/raw/${run}/${i}`;
    const info = await client.putObject(bucket, name, body, size);
    names.push({ name, versionId: info.versionId });
  });
  const perSecond = count / ((performance.now() - t0) / 1000);
  // No retention was set on these, so they can go.
  await pool(names.length, 16, (i) => client.removeObject(bucket, names[i].name, { versionId: names[i].versionId }));
  return perSecond;
}
