import type { DocumentSubject, ExampleContext } from './document-type.interface.js';
import type { CertificateContent } from './certificate.schema.js';

/** What a certificate type's example is awarded for, and the prefix of its numbers. */
export interface ExampleAward {
  numberPrefix: string;
  award: (ctx: ExampleContext) => CertificateContent['award'];
}

/**
 * A valid certificate for the context's student, issued on 25 May of the school year (prize-giving at year end).
 * Its number `<prefix>-<school code>-<year>-<last 6 digits of the sector ID>` is stable, so a rebuilt example supersedes
 * the earlier one instead of adding a record.
 */
export function buildCertificateExample(
  ctx: ExampleContext,
  example: ExampleAward,
): { subject: DocumentSubject; content: CertificateContent } {
  const { studentId, fullName, dateOfBirth, gender, personalId } = ctx.student;
  const endYear = ctx.schoolYear.slice(5);
  // School codes may hold lower case and '_', which a số hiệu may not.
  const school = ctx.school.code.toUpperCase().replace(/[^A-Z0-9.-]/g, '').slice(0, 20);
  const content: CertificateContent = {
    school: { code: ctx.school.code, name: ctx.school.name },
    schoolYear: ctx.schoolYear,
    holder: { studentId, fullName, dateOfBirth, gender, ...(personalId === undefined ? {} : { personalId }) },
    award: example.award(ctx),
    number: `${example.numberPrefix}-${school}-${endYear}-${studentId.slice(-6)}`,
    registryEntry: `${studentId.slice(-4)}/${endYear}`,
    issuedOn: `${endYear}-05-25`,
    issuedAt: 'Hải Phòng',
    signer: { name: ctx.principal, title: 'Hiệu trưởng' },
  };
  return { subject: { studentId }, content };
}
