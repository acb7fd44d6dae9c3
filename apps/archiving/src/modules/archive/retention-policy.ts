import type { ArchivingConfig } from '../../config.js';

type RetentionSettings = Pick<ArchivingConfig, 'RETENTION_DAYS_HOC_BA' | 'RETENTION_DAYS_ACCOUNTING' | 'RETENTION_DAYS_DEFAULT'>;

/**
 * Retention by document class: student records are long-lived; invoices and contracts are accounting records, kept
 * ten years in production (Law on Accounting 88/2015/QH13, Art. 41). The demo uses short periods so tests can clean up.
 */
export function retentionDays(documentType: string, config: RetentionSettings): number {
  switch (documentType) {
    case 'hoc-ba':
      return config.RETENTION_DAYS_HOC_BA;
    case 'hoa-don':
    case 'hop-dong':
      return config.RETENTION_DAYS_ACCOUNTING;
    default:
      return config.RETENTION_DAYS_DEFAULT;
  }
}
