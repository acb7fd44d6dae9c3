import type { CheckName, Indication, LocalizedText, SubIndication, ValidationCheck } from './validation-report.js';

/** Every report lists the same checks in this order, whichever were reached. */
const CHECK_ORDER: CheckName[] = ['format', 'signing-certificate', 'integrity', 'timestamp', 'chain', 'validity', 'revocation', 'signer'];

/** FAILED sub-indications (ETSI EN 319 102-1 Table 5); every other one is INDETERMINATE. */
const FAILED: ReadonlySet<SubIndication> = new Set(['FORMAT_FAILURE', 'HASH_FAILURE', 'SIG_CRYPTO_FAILURE', 'REVOKED', 'EXPIRED', 'NOT_YET_VALID']);

export function indicationOf(subIndication: SubIndication): Exclude<Indication, 'PASSED'> {
  return FAILED.has(subIndication) ? 'FAILED' : 'INDETERMINATE';
}

const NOT_REACHED: LocalizedText = { vi: 'Không kiểm tra vì một bước trước đó không đạt', en: 'Not checked: an earlier check did not pass' };

const PASSED_MESSAGE: LocalizedText = { vi: 'Chữ ký hợp lệ', en: 'The signature is valid' };

/**
 * The checks of one signature. The verdict is the first FAILED check in order, else the first INDETERMINATE one
 * (EN 319 102-1 §5.1.3: FAILED means proven bad, INDETERMINATE means not provable either way).
 */
export class CheckList {
  private readonly checks = new Map<CheckName, ValidationCheck>();

  passed(name: CheckName, detail: LocalizedText): void {
    this.checks.set(name, { name, status: 'passed', detail });
  }

  skipped(name: CheckName, detail: LocalizedText): void {
    this.checks.set(name, { name, status: 'skipped', detail });
  }

  problem(name: CheckName, subIndication: SubIndication, detail: LocalizedText): void {
    this.checks.set(name, { name, status: indicationOf(subIndication) === 'FAILED' ? 'failed' : 'indeterminate', subIndication, detail });
  }

  hasFailed(): boolean {
    return [...this.checks.values()].some((check) => check.status === 'failed');
  }

  verdict(): { indication: Indication; subIndication?: SubIndication; message: LocalizedText; checks: ValidationCheck[] } {
    const checks = CHECK_ORDER.map((name) => this.checks.get(name) ?? { name, status: 'skipped' as const, detail: NOT_REACHED });
    const decisive = checks.find((check) => check.status === 'failed') ?? checks.find((check) => check.status === 'indeterminate');
    if (!decisive?.subIndication) return { indication: 'PASSED', message: PASSED_MESSAGE, checks };
    return { indication: indicationOf(decisive.subIndication), subIndication: decisive.subIndication, message: decisive.detail, checks };
  }
}

/** Times in messages: ISO 8601 UTC, without milliseconds when there are none. */
export function iso(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
