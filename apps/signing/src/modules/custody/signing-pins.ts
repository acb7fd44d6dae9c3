import { hashPassword, verifyPassword } from '@edu/crypto';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { CustodyErrors } from './custody-errors.js';
import { KeyUseAudit } from './key-use-audit.js';

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MINUTES = 15;

/**
 * Signing PINs: argon2id hashes only (the platform never keeps a PIN in clear). Five wrong PINs in a row lock the
 * person's key for 15 minutes. Failures are counted in their own transaction, so a caller whose transaction rolls
 * back (the wrong PIN refused the batch) still leaves the count and the audit behind.
 */
@Injectable()
export class SigningPins {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(KeyUseAudit) private readonly audit: KeyUseAudit,
  ) {}

  async set(em: EntityManager, personId: string, pin: string): Promise<void> {
    checkStrength(pin);
    await em.query(
      `INSERT INTO signing_pins (person_id, pin_hash) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET pin_hash = EXCLUDED.pin_hash, failed_attempts = 0, locked_until = NULL, updated_at = now()`,
      [personId, await hashPassword(pin)],
    );
  }

  async isSet(em: EntityManager, personId: string): Promise<boolean> {
    const rows: unknown[] = await em.query('SELECT 1 FROM signing_pins WHERE person_id = $1', [personId]);
    return rows.length > 0;
  }

  /** An operator lifts a lockout (after checking who asks); the failure count starts again. */
  async unlock(em: EntityManager, personId: string, actor: string): Promise<boolean> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [unknown[], number] = await em.query(
      'UPDATE signing_pins SET failed_attempts = 0, locked_until = NULL WHERE person_id = $1 RETURNING person_id',
      [personId],
    );
    if (rows.length) await this.audit.record(em, { personId, actor, action: 'PIN_UNLOCKED' });
    return rows.length > 0;
  }

  /** Throws PIN_NOT_SET, PIN_LOCKED or PIN_WRONG; a right PIN clears the failure count. */
  async verify(personId: string, pin: string, actor: string): Promise<void> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const [row]: Array<{ pin_hash: string; failed_attempts: number; locked_until: Date | null }> = await em.query(
        'SELECT pin_hash, failed_attempts, locked_until FROM signing_pins WHERE person_id = $1 FOR UPDATE',
        [personId],
      );
      if (!row) return CustodyErrors.pinNotSet();
      if (row.locked_until && new Date(row.locked_until).getTime() > Date.now()) {
        await this.audit.record(em, { personId, actor, action: 'PIN_REFUSED_LOCKED' });
        return CustodyErrors.pinLocked(new Date(row.locked_until));
      }
      if (typeof pin === 'string' && pin.length <= 64 && (await verifyPassword(pin, row.pin_hash))) {
        if (row.failed_attempts > 0 || row.locked_until)
          await em.query('UPDATE signing_pins SET failed_attempts = 0, locked_until = NULL WHERE person_id = $1', [personId]);
        return null;
      }
      const failures = (row.locked_until ? 0 : row.failed_attempts) + 1;
      const locks = failures >= PIN_MAX_FAILURES;
      const [[updated]]: [Array<{ locked_until: Date | null }>, number] = await em.query(
        `UPDATE signing_pins SET failed_attempts = $2,
           locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) ELSE NULL END
         WHERE person_id = $1 RETURNING locked_until`,
        [personId, locks ? 0 : failures, locks, PIN_LOCK_MINUTES],
      );
      await this.audit.record(em, { personId, actor, action: locks ? 'PIN_LOCKED' : 'PIN_FAILED', detail: { failures } });
      return locks ? CustodyErrors.pinLocked(new Date(updated.locked_until!)) : CustodyErrors.pinWrong(PIN_MAX_FAILURES - failures);
    });
    if (outcome) throw outcome;
  }
}

const COMMON = new Set(['123123', '112233', '121212', '696969', '520520']);

/** 6 to 12 digits; not one digit repeated, not a run such as 123456 or 975319, not a well-known PIN. */
export function checkStrength(pin: unknown): asserts pin is string {
  if (typeof pin !== 'string' || !/^\d{6,12}$/.test(pin))
    throw CustodyErrors.pinWeak({ vi: 'phải gồm 6 đến 12 chữ số', en: 'it must be 6 to 12 digits' });
  if (isRun(pin) || COMMON.has(pin))
    throw CustodyErrors.pinWeak({ vi: 'quá dễ đoán', en: 'it is too easy to guess' });
}

/** Every digit the previous one plus the same step (mod 10): 000000, 123456, 987654, 135791. */
function isRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1;
}
