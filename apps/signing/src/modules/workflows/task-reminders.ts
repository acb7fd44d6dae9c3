import { OutboxRelay, OutboxWriter } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { WorkflowAudit } from './workflow-audit.js';
import { signatureRequested } from './workflow-events.js';
import { WorkflowStore } from './workflow-store.js';
import { SYSTEM_ACTOR } from './workflow.js';

/** Overdue tasks reminded per transaction; a bigger backlog takes several. */
const BATCH = 500;

/**
 * Reminds signers of overdue tasks: SignatureRequested again, with `reminder` set, at most once per
 * SIGNING_REMINDER_HOURS per task. Every instance runs it; the rows are taken with SKIP LOCKED, so each reminder is
 * sent by one instance only.
 */
@Injectable()
export class TaskReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TaskReminders');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowStore) private readonly store: WorkflowStore,
    @Inject(WorkflowAudit) private readonly audit: WorkflowAudit,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(SIGNING_CONFIG) private readonly config: SigningConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.run().catch((err) => this.logger.error(`reminders failed: ${(err as Error).message}`));
    }, this.config.SIGNING_REMINDER_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Sends the reminders due at `now`; returns how many. */
  async run(now = new Date()): Promise<number> {
    let sent = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (em) => {
        const overdue = await this.store.lockOverdue(em, now, this.config.SIGNING_REMINDER_HOURS, BATCH);
        if (!overdue.length) return 0;
        await this.store.markReminded(em, overdue.map((t) => t.taskId), now);
        await this.audit.append(em, overdue.map((t) => ({ documentId: t.documentId, taskId: t.taskId, actor: SYSTEM_ACTOR, action: 'reminded' as const, detail: { dueAt: t.dueAt } })));
        await this.outbox.appendMany(em, overdue.map((t) => signatureRequested(t, t, true)));
        return overdue.length;
      });
      sent += n;
      if (n < BATCH) break;
    }
    if (sent) this.relay.nudge();
    return sent;
  }
}
