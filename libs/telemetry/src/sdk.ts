import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace';

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

/** Keeps a tracer provider in place (so spans have trace ids to propagate) while sending nothing anywhere. */
class DiscardingSpanProcessor implements SpanProcessor {
  onStart(): void {}
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const EXPORTER_KEY = Symbol.for('edu.telemetry.prometheus');
type Holder = { [EXPORTER_KEY]?: PrometheusExporter };

export function startTelemetry(serviceName: string): void {
  const holder = globalThis as Holder;
  if (holder[EXPORTER_KEY]) return;
  const exporter = new PrometheusExporter({ preventServerStart: true });
  holder[EXPORTER_KEY] = exporter;
  // Spans are recorded and exported only where a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT). Otherwise the
  // SDK's default OTLP exporter would retry against a collector that is not there, and recording spans nobody reads
  // (one per query, with its attributes) cost interchange ~8 % of its CPU. Unrecorded spans still get trace ids and
  // carry the caller's, so trace context crosses HTTP and Kafka all the same.
  const exportSpans = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_TRACES_EXPORTER);
  const sdk = new NodeSDK({
    serviceName,
    metricReaders: [exporter],
    ...(exportSpans ? {} : { spanProcessors: [new DiscardingSpanProcessor()], sampler: new AlwaysOffSampler() }),
    logRecordProcessors: [],
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
