import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';

const BLOCK_BITS = 20n;
const BLOCK_SIZE = 1n << BLOCK_BITS;

/**
 * Time-stamp serial numbers (RFC 3161 §2.4.2: unique per TSA, for ever). Each replica takes a block of 2^20 from a
 * PostgreSQL sequence and hands serials out of it in memory; a crash skips the rest of its block, and no serial is
 * ever given twice, across replicas and restarts.
 */
@Injectable()
export class TsaSerials {
  private next = 0n;
  private end = 0n;
  private refill: Promise<void> | null = null;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async allocate(): Promise<bigint> {
    while (this.next >= this.end) {
      this.refill ??= this.takeBlock().finally(() => (this.refill = null));
      await this.refill;
    }
    return this.next++;
  }

  private async takeBlock(): Promise<void> {
    const [{ block }]: Array<{ block: string }> = await this.dataSource.query(`SELECT nextval('tsa_serial_blocks')::text AS block`);
    this.next = BigInt(block) << BLOCK_BITS;
    this.end = this.next + BLOCK_SIZE;
  }
}
