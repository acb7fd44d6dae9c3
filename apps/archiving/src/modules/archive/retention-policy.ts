import type { ArchivingConfig } from '../../config.js';

/** Retention by document class. Student records are long-lived; the demo uses a short period so tests can clean up. */
export function retentionDays(documentType: string, config: ArchivingConfig): number {
  switch (documentType) {
    case 'hoc-ba':
      return config.RETENTION_DAYS_HOC_BA;
    default:
      return config.RETENTION_DAYS_DEFAULT;
  }
}
