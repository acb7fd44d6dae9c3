// Exit 0 when the Kafka broker at $KAFKA_BROKERS answers a metadata request, 1 otherwise.
// Used by deploy/local/kafka.sh to poll readiness (no fixed sleeps).
import { Kafka, logLevel } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({
  clientId: 'edu-ready',
  brokers,
  logLevel: logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 2000,
  retry: { retries: 0 },
});
const admin = kafka.admin();
try {
  await admin.connect();
  const { brokers: live, controller } = await admin.describeCluster();
  if (!live.length || controller == null) throw new Error('no brokers/controller yet');
  process.exit(0);
} catch (err) {
  console.error(String(err?.message ?? err));
  process.exit(1);
} finally {
  await admin.disconnect().catch(() => {});
}
