import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

const EXPORTER_KEY = Symbol.for('edu.telemetry.prometheus');
type Holder = { [EXPORTER_KEY]?: PrometheusExporter };

export function startTelemetry(serviceName: string): void {
  const holder = globalThis as Holder;
  if (holder[EXPORTER_KEY]) return;
  const exporter = new PrometheusExporter({ preventServerStart: true });
  holder[EXPORTER_KEY] = exporter;
  const sdk = new NodeSDK({
    serviceName,
    metricReaders: [exporter],
    // No trace exporter is configured in the local stack; spans still carry context across HTTP and Kafka.
    traceExporter: undefined,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/health' || req.url === '/metrics' }),
      new PgInstrumentation(),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  const shutdown = () => void sdk.shutdown().catch(() => undefined);
  process.once('beforeExit', shutdown);
}

export function prometheusExporter(): PrometheusExporter | undefined {
  return (globalThis as Holder)[EXPORTER_KEY];
}
