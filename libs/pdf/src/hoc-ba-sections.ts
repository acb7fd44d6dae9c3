import { rgb } from 'pdf-lib';
import type { HocBaContent } from '@edu/contracts';
import {
  awardLabel,
  dateLabel,
  genderLabel,
  levelName,
  promotionLabel,
  signingDateLabel,
  timestampLabel,
} from './hoc-ba-labels.js';
import { GREY, lineHeight, PAGE, type Field, type PageFlow, type TextStyle } from './page-flow.js';

/** The parts every học bạ shares, whatever the level. */

const SEAL_RED = rgb(0.75, 0.1, 0.1);

export function drawHeader(flow: PageFlow, content: HocBaContent): void {
  const centred = (text: string, style: TextStyle) => flow.paragraph(text, { ...style, align: 'center' });
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 11, bold: true });
  centred('Độc lập - Tự do - Hạnh phúc', { size: 11, bold: true });
  const motto = flow.measure({ size: 11, bold: true })('Độc lập - Tự do - Hạnh phúc');
  const rule = flow.y + 1;
  flow.page.drawLine({
    start: { x: flow.left + (flow.width - motto) / 2, y: rule },
    end: { x: flow.left + (flow.width + motto) / 2, y: rule },
    thickness: 0.6,
  });
  flow.gap(8);
  centred('HỌC BẠ', { size: 22, bold: true });
  flow.gap(2);
  centred(levelName(content.level).toUpperCase(), { size: 12, bold: true });
  flow.gap(6);
  flow.fields([{ label: 'Trường', value: content.school.name }]);
  flow.fields([
    { label: 'Mã trường', value: content.school.code },
    { label: 'Năm học', value: content.schoolYear },
    { label: 'Lớp', value: content.className },
  ]);
}

export function drawStudent(flow: PageFlow, content: HocBaContent): void {
  const student = content.student;
  flow.heading('I. THÔNG TIN HỌC SINH');
  flow.fields([{ label: 'Họ và tên', value: student.fullName }]);
  flow.fields([
    { label: 'Ngày sinh', value: dateLabel(student.dateOfBirth) },
    { label: 'Giới tính', value: genderLabel(student.gender) },
  ]);
  const ids: Field[] = [{ label: 'Mã định danh ngành', value: student.studentId }];
  if (student.personalId) ids.push({ label: 'Số định danh cá nhân', value: student.personalId });
  flow.fields(ids);
}

/** Award, absences, the homeroom teacher's remarks and the promotion decision. */
export function drawClosing(flow: PageFlow, content: HocBaContent): void {
  flow.heading('IV. KHEN THƯỞNG, CHUYÊN CẦN VÀ LÊN LỚP');
  flow.fields([
    { label: 'Khen thưởng', value: awardLabel(content.award) },
    { label: 'Số buổi nghỉ học cả năm', value: String(content.daysAbsent) },
  ]);
  flow.paragraph('Nhận xét của giáo viên chủ nhiệm:', { bold: true });
  flow.paragraph(content.remarks.trim() || '—');
  flow.fields([{ label: 'Quyết định', value: promotionLabel(content.promotion.decision, content.level) }]);
}

/**
 * The homeroom teacher's and the principal's blocks, with the institution's seal under the principal. On paper
 * they sign and stamp here; electronically their CAdES signatures are over the canonical content, and the PDF
 * carries one PAdES signature (the seal's), which the box points the reader to.
 */
export function drawSignatures(flow: PageFlow, content: HocBaContent, signedOn: Date): void {
  const column = flow.width / 2;
  const left = flow.left;
  const right = flow.left + column;
  const name = { bold: true, align: 'center' } as const;
  const hint = { size: 8, color: GREY, align: 'center' } as const;
  const seal = { size: 8, color: SEAL_RED, align: 'center' } as const;
  const teacherLines = flow.wrap(content.homeroomTeacher.name, name, column - 20);
  const principalLines = flow.wrap(content.principal.name, name, column - 20);
  const sealLines = flow.wrap(content.school.name, seal, 170);
  const sealHeight = (sealLines.length + 2) * lineHeight(8) + 8;
  const nameLines = Math.max(teacherLines.length, principalLines.length);
  flow.gap(8);
  flow.ensure(lineHeight(10) * 2 + lineHeight(8) + 4 + sealHeight + 8 + nameLines * lineHeight(10));

  const line = (text: string, x: number, style: TextStyle) => flow.drawLine(text, x, flow.y, column, style);
  line(signingDateLabel(signedOn), right, { align: 'center' });
  flow.gap(lineHeight(10));
  line('Giáo viên chủ nhiệm', left, name);
  line('Hiệu trưởng', right, name);
  flow.gap(lineHeight(10));
  line('(Ký và ghi rõ họ tên)', left, hint);
  line('(Ký, ghi rõ họ tên và đóng dấu)', right, hint);
  flow.gap(lineHeight(8) + 4);

  const boxTop = flow.y;
  flow.page.drawRectangle({
    x: right + (column - 180) / 2,
    y: boxTop - sealHeight,
    width: 180,
    height: sealHeight,
    borderColor: SEAL_RED,
    borderWidth: 1.2,
  });
  const sealText = ['CON DẤU ĐIỆN TỬ', ...sealLines, 'Xác thực bằng chữ ký số trong tệp'];
  sealText.forEach((text, i) => flow.drawLine(text, right, boxTop - 4 - i * lineHeight(8), column, { ...seal, bold: i === 0 }));
  flow.gap(sealHeight + 8);

  for (let i = 0; i < nameLines; i++) {
    if (i < teacherLines.length) line(teacherLines[i], left, name);
    if (i < principalLines.length) line(principalLines[i], right, name);
    flow.gap(lineHeight(10));
  }
}

/** Who the pages belong to, page numbers, and the content hash that ties the pages to the signed record. */
export function drawFooters(flow: PageFlow, content: HocBaContent, contentHash: string, generatedAt: Date): void {
  const style = { size: 7, color: GREY };
  const owner = `Học bạ điện tử · ${content.student.fullName} · Lớp ${content.className} · Năm học ${content.schoolYear}`;
  const trace = `Mã băm nội dung (SHA-256): ${contentHash} · Tạo lúc ${timestampLabel(generatedAt)}`;
  const top = PAGE.bottom - 16;
  flow.pages.forEach((page, i) => {
    page.drawLine({ start: { x: flow.left, y: top + 4 }, end: { x: flow.left + flow.width, y: top + 4 }, thickness: 0.4, color: GREY });
    const pageNumber = `Trang ${i + 1}/${flow.pages.length}`;
    const ownerWidth = flow.width - flow.measure(style)(pageNumber) - 12;
    flow.drawLine(flow.truncate(owner, style, ownerWidth), flow.left, top, ownerWidth, style, page);
    flow.drawLine(pageNumber, flow.left, top, flow.width, { ...style, align: 'right' }, page);
    flow.drawLine(flow.truncate(trace, style, flow.width), flow.left, top - lineHeight(7), flow.width, style, page);
  });
}
