import { DataSource } from '@edu/persistence';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AssertionReplayGuard } from '../clients/assertion-replay-guard.js';
import { AuthorizationCodes } from './authorization-code/authorization-codes.js';

const EVERY_MS = 60_000;

/** Once a minute, deletes spent one-time grants: expired assertion jtis and authorization codes. */
@Injectable()
export class GrantHousekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GrantHousekeeping.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AssertionReplayGuard) private readonly jtis: AssertionReplayGuard,
    @Inject(AuthorizationCodes) private readonly codes: AuthorizationCodes,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.purge().catch((err) => this.logger.error(`purge failed: ${err}`)), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<{ jtis: number; codes: number }> {
    const em = this.dataSource.manager;
    return { jtis: await this.jtis.purge(em), codes: await this.codes.purge(em) };
  }
}
