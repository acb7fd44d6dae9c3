import 'reflect-metadata';
import { Logger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { kafkaConsumerStrategy } from '@edu/messaging';
import { HttpErrorFilter } from '@edu/errors';
import { CORRELATION_HEADER, CorrelatedLogger, correlationIdFrom, serveMetrics, withCorrelationId } from '@edu/telemetry';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { largeBodyGate, type LargeBodyGateOptions } from './large-body-gate.js';

export interface ServiceOptions {
  name: string;
  title: string;
  module: Type<unknown> | DynamicModule;
  port: number;
  /** Brokers of the Kafka consumer; omit for a service that consumes nothing. */
  consumerBrokers?: string[];
  jsonLimit?: string;
  /** Admit requests with large bodies a few at a time (a service whose jsonLimit is megabytes). */
  largeBodies?: LargeBodyGateOptions;
}

/** The one way every service starts: body limits, error filter, health, metrics, OpenAPI, Kafka consumer. */
export async function startService(opts: ServiceOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(opts.module, { bodyParser: false, bufferLogs: true });
  app.useLogger(new CorrelatedLogger());
  // Every request runs under its correlation id (the caller's X-Correlation-Id, or a new one, echoed back).
  app.use((req: { headers: Record<string, unknown> }, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    const id = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    res.setHeader('X-Correlation-Id', id);
    withCorrelationId(id, next);
  });
  if (opts.largeBodies) app.use(largeBodyGate(opts.largeBodies));
  app.useBodyParser('json', { limit: opts.jsonLimit ?? '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb' });
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);

  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  http.get('/metrics', serveMetrics);
  http.get('/health', async (_req: unknown, res: { status(n: number): { json(b: unknown): void } }) => {
    try {
      await app.get(DataSource).query('SELECT 1');
      res.status(200).json({ status: 'up', service: opts.name });
    } catch {
      res.status(503).json({ status: 'down', service: opts.name });
    }
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(opts.title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  if (opts.consumerBrokers) {
    app.connectMicroservice(kafkaConsumerStrategy(opts.name, opts.consumerBrokers), { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.listen(opts.port, '127.0.0.1');
  new Logger(opts.name).log(`listening on http://127.0.0.1:${opts.port}`);
  return app;
}
