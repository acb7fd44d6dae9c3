import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CrlPublisher } from './crl-publisher.js';
import { OcspResponderKeys } from './ocsp-responder-keys.js';

/** Often enough that a CRL is re-signed well before half its 24-hour life runs out, and cheap when nothing is due. */
const EVERY_MS = 10 * 60_000;

/**
 * Keeps the published PKI state fresh on every instance: CRLs re-signed before nextUpdate, the OCSP responder
 * renewed before expiry (and a renewal made by another instance picked up). Runs after every module is initialised,
 * since it needs the CA's keys.
 */
@Injectable()
export class PkiMaintenance implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('pki');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CrlPublisher) private readonly crls: CrlPublisher,
    @Inject(OcspResponderKeys) private readonly responder: OcspResponderKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
    this.timer = setInterval(() => {
      this.run().catch((err) => this.logger.error(`PKI maintenance failed: ${(err as Error).message}`));
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    await this.responder.ensureCurrent();
    await this.crls.refreshDue();
  }
}
