import { DataSource } from '@edu/persistence';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UNFINISHED } from '../domain/roster-import.js';
import { RosterImports } from '../roster-imports.repository.js';
import { dropStagingSql, stagingTable } from '../staging/staging-table.js';
import { ApplyRosterImport } from './apply-roster-import.js';
import { ValidateRosterImport } from './validate-roster-import.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** How often the worker looks for imports received by another instance or left by a crash. */
const SWEEP_MS = 10_000;

/**
 * Moves received imports through validation and application, oldest first, one at a time (an advisory lock keeps one
 * worker across instances, so imports never race on the same registry rows). Each step is one transaction, so an
 * import interrupted by a crash is simply taken up again where its status says, at start-up or the next sweep.
 */
@Injectable()
export class RosterImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RosterImportWorker');
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private sweep?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RosterImports) private readonly imports: RosterImports,
    @Inject(ValidateRosterImport) private readonly validate: ValidateRosterImport,
    @Inject(ApplyRosterImport) private readonly apply: ApplyRosterImport,
  ) {}

  onApplicationBootstrap(): void {
    this.nudge();
    this.sweep = setInterval(() => this.nudge(), SWEEP_MS).unref();
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    clearInterval(this.sweep);
  }

  /** Starts work on pending imports, or asks the running pass to look again when it ends. */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runPending()
      .catch((err: Error) => this.logger.warn(`roster imports paused: ${err.message}`))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopping) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Takes every unfinished import to its end, unless another worker holds the lock. */
  async runPending(): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtext(current_schema() || '.roster-imports')) AS locked`);
      if (!locked) return;
      try {
        for (const id of await this.imports.unfinished()) {
          if (this.stopping) return;
          await this.process(id);
        }
      } finally {
        await lock.query(`SELECT pg_advisory_unlock(hashtext(current_schema() || '.roster-imports'))`);
      }
    } finally {
      await lock.release();
    }
  }

  private async process(id: string): Promise<void> {
    const imp = await this.imports.find(id);
    if (!imp || !UNFINISHED.includes(imp.status)) return;
    try {
      let t0 = performance.now();
      let status = imp.status;
      if (status !== 'APPLYING') {
        status = await this.validate.execute(imp);
        this.logger.log(`roster import ${id}: ${status} after validating ${imp.rowsRead} rows in ${seconds(t0)} s`);
      }
      if (status !== 'APPLYING') return;
      t0 = performance.now();
      await this.apply.execute((await this.imports.find(id))!);
      const done = (await this.imports.find(id))!;
      this.logger.log(`roster import ${id}: DONE, ${done.rowsApplied} applied and ${done.rowsUnchanged} unchanged in ${seconds(t0)} s`);
    } catch (err) {
      // A shutdown interrupts the work; the status still says where to resume.
      if (this.stopping) return;
      this.logger.error(`roster import ${id} failed: ${(err as Error).message}`);
      await this.imports.update(id, { status: 'FAILED', failure: (err as Error).message.slice(0, 500) });
      await this.dataSource.query(dropStagingSql(stagingTable(id)));
    }
  }
}
