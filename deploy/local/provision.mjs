// Idempotent provisioning of Kafka topics (+ <topic>.dlq) and MinIO buckets for the local stack.
// Topics come from ALL_TOPICS in @edu/contracts, the one list of topic names (./edu builds it first).
// Env: KAFKA_BROKERS, MINIO_ENDPOINT, MINIO_PORT, MINIO_ACCESS_KEY, MINIO_SECRET_KEY, ARCHIVE_BUCKET, STAGING_BUCKET.
import { Kafka, logLevel } from 'kafkajs';
import * as Minio from 'minio';

const PARTITIONS = 6;
const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set (source .edu/env)`);
  return v;
};

async function loadTopics() {
  const { ALL_TOPICS } = await import('@edu/contracts');
  if (!Array.isArray(ALL_TOPICS) || !ALL_TOPICS.length) throw new Error('ALL_TOPICS in @edu/contracts is empty');
  return { topics: ALL_TOPICS, from: '@edu/contracts' };
}

async function provisionTopics() {
  const { topics, from } = await loadTopics();
  const wanted = [...new Set(topics.flatMap((t) => [t, `${t}.dlq`]))];
  const kafka = new Kafka({
    clientId: 'edu-provision',
    brokers: env('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
      });
    }
    console.log(`==> provision: topics from ${from}: ${wanted.length} wanted, ${missing.length} created`);
    for (const t of missing) console.log(`    + ${t}`);
  } finally {
    await admin.disconnect();
  }
}

async function provisionBuckets() {
  const client = new Minio.Client({
    endPoint: env('MINIO_ENDPOINT'),
    port: Number(env('MINIO_PORT')),
    useSSL: false,
    accessKey: env('MINIO_ACCESS_KEY'),
    secretKey: env('MINIO_SECRET_KEY'),
    region: 'us-east-1',
  });
  const buckets = [
    { name: env('STAGING_BUCKET', 'edu-staging'), opts: {} },
    { name: env('ARCHIVE_BUCKET', 'edu-archive'), opts: { ObjectLocking: true } },
  ];
  for (const { name, opts } of buckets) {
    if (await client.bucketExists(name)) {
      console.log(`==> provision: bucket ${name} exists`);
      continue;
    }
    await client.makeBucket(name, 'us-east-1', opts);
    console.log(`==> provision: bucket ${name} created${opts.ObjectLocking ? ' (object lock)' : ''}`);
  }
  // The archive bucket must have object lock; it can only be enabled at creation time.
  const archive = buckets[1].name;
  const lock = await client.getObjectLockConfig(archive).catch(() => null);
  if (lock?.objectLockEnabled !== 'Enabled') {
    throw new Error(`bucket ${archive} exists without object lock; recreate it (./edu down --purge)`);
  }
}

try {
  await provisionTopics();
  await provisionBuckets();
} catch (err) {
  console.error(`==> provision: FAILED: ${err?.stack ?? err}`);
  process.exit(1);
}
