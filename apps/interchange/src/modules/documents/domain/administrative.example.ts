import type { DocumentSubject, ExampleContext } from './document-type.interface.js';
import type { ContractContent, InvoiceContent } from './administrative.schema.js';
import { attachmentOf, examplePdf } from './example-pdf.js';

/*
 * Valid administrative documents of the context's school. Their numbers derive from the context's student, so that
 * `?n=` of the example endpoint gives distinct documents, and a rebuilt example supersedes the earlier one.
 */

const grouped = (amount: number) => amount.toLocaleString('vi-VN');

/** A sales invoice (mẫu 2, education is VAT-exempt) for a month of boarding meals, made out to the student's parent. */
export function buildInvoiceExample(ctx: ExampleContext): { subject: DocumentSubject; content: InvoiceContent } {
  const startYear = ctx.schoolYear.slice(0, 4);
  const series = `C${startYear.slice(2)}TAA`;
  const number = String(Number(ctx.student.studentId.slice(-7)) + 1);
  const issuedOn = `${startYear}-10-15`;
  const description = `Tiền ăn bán trú tháng 10/${startYear} của học sinh ${ctx.student.fullName}, lớp ${ctx.className}`;
  const buyer = { name: `Phụ huynh học sinh ${ctx.student.fullName}` };
  const amount = 450_000;
  const pdf = examplePdf([
    'HÓA ĐƠN BÁN HÀNG',
    `Mẫu số 2 - Ký hiệu ${series} - Số ${number} - Ngày ${issuedOn}`,
    `Đơn vị bán: ${ctx.school.name} (${ctx.school.code})`,
    `Người mua: ${buyer.name}`,
    description,
    `Tổng tiền thanh toán: ${grouped(amount)} đồng`,
    `Thủ trưởng đơn vị: ${ctx.principal}`,
  ]);
  const content: InvoiceContent = {
    school: { code: ctx.school.code, name: ctx.school.name },
    schoolYear: ctx.schoolYear,
    form: '2',
    series,
    number,
    issuedOn,
    buyer,
    description,
    amounts: { beforeTax: amount, vat: 0, total: amount },
    currency: 'VND',
    attachment: attachmentOf(`hoa-don-${series}-${number}.pdf`, pdf),
    signer: { name: ctx.principal, title: 'Hiệu trưởng' },
  };
  return { subject: {}, content };
}

/** A school year's catering contract with a supplier, signed as the year opens. */
export function buildContractExample(ctx: ExampleContext): { subject: DocumentSubject; content: ContractContent } {
  const [startYear, endYear] = ctx.schoolYear.split('-');
  const school = ctx.school.code.toUpperCase().replace(/[^A-Z0-9.-]/g, '').slice(0, 20);
  const number = `${ctx.student.studentId.slice(-6)}/${startYear}/HĐ-${school}`;
  const title = `Hợp đồng cung cấp suất ăn bán trú năm học ${ctx.schoolYear}`;
  const counterparty = {
    name: 'Công ty TNHH Thực phẩm Hải Phòng Xanh',
    taxCode: '0201234567',
    address: 'Số 12 Lạch Tray, Ngô Quyền, Hải Phòng',
    representative: { name: 'Phạm Văn Long', title: 'Giám đốc' },
  };
  const value = 1_200_000_000;
  const pdf = examplePdf([
    'HỢP ĐỒNG KINH TẾ',
    `Số ${number} - ký ngày ${startYear}-09-05`,
    title,
    `Bên A: ${ctx.school.name}, đại diện ông/bà ${ctx.principal}, Hiệu trưởng`,
    `Bên B: ${counterparty.name}, MST ${counterparty.taxCode}`,
    `Giá trị hợp đồng: ${grouped(value)} đồng`,
    `Hiệu lực: ${startYear}-09-05 đến ${endYear}-05-31`,
  ]);
  const content: ContractContent = {
    school: { code: ctx.school.code, name: ctx.school.name },
    schoolYear: ctx.schoolYear,
    number,
    title,
    signedOn: `${startYear}-09-05`,
    counterparty,
    value,
    effectiveFrom: `${startYear}-09-05`,
    effectiveTo: `${endYear}-05-31`,
    attachment: attachmentOf(`hop-dong-${number.replace(/[^0-9A-Za-z-]/g, '-')}.pdf`, pdf),
    signer: { name: ctx.principal, title: 'Hiệu trưởng' },
  };
  return { subject: {}, content };
}
