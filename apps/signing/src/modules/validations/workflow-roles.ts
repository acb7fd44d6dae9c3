import { overallVerdict, sha256Hex, type SignatureReport, type ValidationCheck, type ValidationReport } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';

interface RecordedSignature {
  document_id: string;
  idx: number;
  role: string;
  signer_certificate_sha256: string;
}

/**
 * When the validated content is a record this platform signed, each signature is matched against the record's
 * workflow: the signer must be the one who signed a step (homeroom teacher, principal, seal), and the report says
 * which. A valid signature by anyone else over the same bytes is not one of the record's signatures:
 * INDETERMINATE, SIG_CONSTRAINTS_FAILURE. Content the platform never signed is reported as it is.
 */
@Injectable()
export class WorkflowRoles {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async annotate(content: Buffer | undefined, report: ValidationReport): Promise<ValidationReport> {
    if (!content) return report;
    const rows: RecordedSignature[] = await this.dataSource.query(
      `SELECT s.document_id, s.idx, s.role, s.signer_certificate_sha256 FROM workflows w JOIN signatures s ON s.document_id = w.document_id
       WHERE w.content_sha256 = $1 AND w.state = 'SIGNED' ORDER BY w.created_at DESC, s.idx`,
      [sha256Hex(content)],
    );
    if (!rows.length) return report;
    const documentId = rows[0].document_id;
    const steps = rows.filter((r) => r.document_id === documentId);
    const signatures = report.signatures.map((r) => withRole(r, documentId, steps));
    return { ...report, ...overallVerdict(signatures), signatures };
  }
}

function withRole(report: SignatureReport, documentId: string, steps: RecordedSignature[]): SignatureReport {
  const step = report.signer && steps.find((s) => s.signer_certificate_sha256 === report.signer!.certificateSha256);
  if (step) {
    const check: ValidationCheck = {
      name: 'role',
      status: 'passed',
      detail: {
        vi: `Ký với vai trò ${step.role} ở bước ${step.idx} trong quy trình ký của tài liệu ${documentId}`,
        en: `Signed as ${step.role} at step ${step.idx} of document ${documentId}'s signing workflow`,
      },
    };
    return { ...report, workflowStep: { documentId, step: step.idx, role: step.role }, checks: [...report.checks, check] };
  }
  const check: ValidationCheck = {
    name: 'role',
    status: 'indeterminate',
    subIndication: 'SIG_CONSTRAINTS_FAILURE',
    detail: {
      vi: `Người ký không phải người ký ở bước nào trong quy trình ký của tài liệu ${documentId}`,
      en: `The signer signed no step of document ${documentId}'s signing workflow`,
    },
  };
  if (report.indication !== 'PASSED') return { ...report, checks: [...report.checks, check] };
  return { ...report, indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE', message: check.detail, checks: [...report.checks, check] };
}
