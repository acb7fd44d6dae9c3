import type { LocalizedMessage } from '@edu/errors';
import type { DocumentType } from './document-type.interface.js';
import { buildCertificateExample, type ExampleAward } from './certificate.example.js';
import { CERTIFICATE_CONTENT_SCHEMA, type CertificateContent } from './certificate.schema.js';
import { validateCertificateContent } from './certificate.validator.js';

/** Chứng chỉ and chứng nhận share content and rules; they differ in name and in what their examples award. */
function certificateType(type: string, title: LocalizedMessage, exampleAward: ExampleAward): DocumentType {
  return {
    type,
    title,
    onePer: 'holder × award',
    signers: ['principal', 'institution-seal'],
    subjectKind: 'student',
    contentSchema: CERTIFICATE_CONTENT_SCHEMA,
    validate: validateCertificateContent,
    // A corrected reissue under the same number supersedes the earlier one.
    recordKey: (content) => {
      const { holder, number } = content as CertificateContent;
      return `${holder.studentId}|${number}`;
    },
    buildExample: (ctx) => buildCertificateExample(ctx, exampleAward),
  };
}

export const CHUNG_CHI = certificateType('chung-chi', { vi: 'Chứng chỉ', en: 'Certificate' }, {
  numberPrefix: 'CC',
  award: ({ schoolYear }) => ({
    title: 'Chứng chỉ Tin học ứng dụng cơ bản',
    description: `Đã hoàn thành khóa học Tin học ứng dụng cơ bản, năm học ${schoolYear}.`,
  }),
});

export const CHUNG_NHAN = certificateType('chung-nhan', { vi: 'Giấy chứng nhận', en: 'Certificate of recognition' }, {
  numberPrefix: 'CN',
  // Primary schools award no Học sinh Giỏi (Circular 27/2020): their best title is Học sinh Xuất sắc.
  award: ({ school, schoolYear }) => {
    const title = school.level === 'TIEU_HOC' ? 'Học sinh Xuất sắc' : 'Học sinh Giỏi';
    return { title: `Giấy chứng nhận ${title}`, description: `Đã đạt danh hiệu ${title} năm học ${schoolYear}.` };
  },
});
