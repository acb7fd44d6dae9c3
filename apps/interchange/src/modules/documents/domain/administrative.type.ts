import type { DeclaredAttachment, DocumentType } from './document-type.interface.js';
import type { Attachment, ContractContent, InvoiceContent } from './administrative.schema.js';
import { CONTRACT_CONTENT_SCHEMA, INVOICE_CONTENT_SCHEMA } from './administrative.schema.js';
import { buildContractExample, buildInvoiceExample } from './administrative.example.js';
import { validateContractContent, validateInvoiceContent } from './administrative.validator.js';
import { fieldAt } from './hoc-ba-rule.js';

/** The one PDF of validated content, for the submission to decode and check. */
function attachments(content: unknown, prefix: string): DeclaredAttachment[] {
  const { attachment } = content as { attachment: Attachment };
  return [{ field: fieldAt(prefix, 'attachment'), size: attachment.size, sha256: attachment.sha256, data: attachment.data }];
}

export const HOA_DON: DocumentType = {
  type: 'hoa-don',
  title: { vi: 'Hóa đơn điện tử', en: 'E-invoice' },
  onePer: 'document',
  signers: ['authorised-signatory', 'institution-seal'],
  subjectKind: 'document',
  hasPdf: true,
  contentSchema: INVOICE_CONTENT_SCHEMA,
  validate: validateInvoiceContent,
  // A replacement invoice keeps the form, series and number of the one it corrects.
  recordKey: (content) => {
    const { form, series, number } = content as InvoiceContent;
    return `${form}|${series}|${number}`;
  },
  attachments,
  buildExample: buildInvoiceExample,
};

export const HOP_DONG: DocumentType = {
  type: 'hop-dong',
  title: { vi: 'Hợp đồng điện tử', en: 'E-contract' },
  onePer: 'document',
  signers: ['authorised-signatory', 'institution-seal'],
  subjectKind: 'document',
  hasPdf: true,
  contentSchema: CONTRACT_CONTENT_SCHEMA,
  validate: validateContractContent,
  recordKey: (content) => (content as ContractContent).number,
  attachments,
  buildExample: buildContractExample,
};
