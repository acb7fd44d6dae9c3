import { canonicalJson, sha256Hex } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommentSubject, HocBaContent, ScoredSubject, SecondaryHocBaContent } from '@edu/contracts';
import { PAGE } from './page-flow.js';
import { renderHocBaPdf } from './render-hoc-ba.js';
import { primaryExample, secondaryExample } from './testing/hoc-ba-fixtures.js';
import { extractText, poppler } from './testing/poppler.js';

const generatedAt = new Date('2026-05-25T03:00:00Z');
const comma = (score: number) => score.toFixed(1).replace('.', ',');

function pageCount(pdf: Buffer): number {
  return Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf).stdout)?.[1]);
}

interface WordBox {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

function wordBoxes(pdf: Buffer): WordBox[] {
  const html = poppler('pdftotext', pdf, ['-bbox', '-enc', 'UTF-8'], true).stdout;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

async function expectDomainError(promise: Promise<unknown>, code: string, field: string): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, field });
  return error as DomainError;
}

/** A record at the schema's limits: 200-character names, 40 subjects with comments, a long remark. */
function oversizedRecord(): SecondaryHocBaContent {
  const base = secondaryExample();
  const scored = base.subjects.find((s): s is ScoredSubject => s.assessment === 'score')!;
  const commented = base.subjects.find((s): s is CommentSubject => s.assessment === 'comment')!;
  const subjects = Array.from({ length: 40 }, (_, i) => ({
    ...(i % 2 === 0 ? scored : commented),
    name: `Chuyên đề học tập số ${i + 1} về khoa học, công nghệ, kỹ thuật và nghệ thuật ứng dụng`,
    comment: `${'Tích cực phát biểu, hoàn thành đầy đủ bài tập được giao. '.repeat((i % 4) + 1)}https://truong.example.vn/ho-so-hoc-tap/${'a'.repeat(60)}`,
  }));
  // Taller than a page: the row itself has to break.
  subjects[5].comment = Array.from({ length: 80 }, (_, n) => `Nhận xét tuần ${n + 1}: tiến bộ rõ rệt.`).join('\n');
  return {
    ...base,
    student: { ...base.student, fullName: 'Nguyễn Hoàng Bảo Ngọc Thiên Hương '.repeat(5).trim() },
    school: { ...base.school, name: `Trường Trung học cơ sở ${'Nguyễn Bỉnh Khiêm '.repeat(9).trim()}` },
    remarks: 'Em chăm ngoan, lễ phép, tích cực tham gia các hoạt động tập thể của lớp và của trường.\n'.repeat(40),
    subjects,
  };
}

describe('renderHocBaPdf', () => {
  it('renders a THCS record with every section in Vietnamese, diacritics intact', async () => {
    const content = secondaryExample();
    const text = extractText(await renderHocBaPdf(content, { generatedAt }));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'HỌC BẠ',
      'TRUNG HỌC CƠ SỞ',
      'Trường: Trường THCS Lê Quý Đôn',
      'Năm học: 2025-2026',
      'Lớp: 7A3',
      'Họ và tên: Đặng Thảo Vy',
      'Ngày sinh: 09/01/2012',
      'Giới tính: Nữ',
      'Mã định danh ngành: 3100000042',
      'Số định danh cá nhân: 031312004567',
      'Kết quả rèn luyện Tốt Tốt Tốt',
      'Kết quả học tập Tốt Tốt Tốt',
      'Khen thưởng: Học sinh Xuất sắc',
      'Số buổi nghỉ học cả năm: 1',
      content.remarks,
      'Quyết định: Được lên lớp',
      'Ngày 25 tháng 5 năm 2026',
      'Giáo viên chủ nhiệm',
      'Hiệu trưởng',
      'CON DẤU ĐIỆN TỬ',
      'Mai Văn Sơn',
      'Tạ Thị Nga',
    ]) {
      expect(text).toContain(expected);
    }
    for (const subject of content.subjects) {
      const results =
        subject.assessment === 'score'
          ? [subject.terms.hk1.average, subject.terms.hk2.average, subject.yearAverage].map(comma)
          : ['Đ', 'Đ', 'Đ'];
      expect(text).toContain(`${subject.name} ${results.join(' ')}`);
    }
  });

  it('prints CĐ for a comment-assessed subject that was not passed', async () => {
    const content = secondaryExample();
    const index = content.subjects.findIndex((s) => s.assessment === 'comment');
    const subject = content.subjects[index] as CommentSubject;
    content.subjects[index] = { ...subject, terms: { ...subject.terms, hk1: { ...subject.terms.hk1, result: 'Chưa đạt' } } };
    expect(extractText(await renderHocBaPdf(content, { generatedAt }))).toContain(`${subject.name} CĐ Đ Đ`);
  });

  it('renders a tiểu học record with subject levels, tests, qualities and competencies', async () => {
    const content = primaryExample();
    const text = extractText(await renderHocBaPdf(content, { generatedAt }));
    expect(text).toContain('TIỂU HỌC');
    expect(text).toContain('Họ và tên: Nguyễn Hữu Phước');
    expect(text).not.toContain('Số định danh cá nhân');
    for (const subject of content.subjects) {
      const score = subject.testScore === undefined ? '' : ` ${subject.testScore}`;
      expect(text).toContain(`${subject.name} ${subject.level}${score} ${subject.comment}`);
    }
    for (const trait of ['Yêu nước', 'Trách nhiệm', 'Tự chủ và tự học', 'Giải quyết vấn đề và sáng tạo', 'Thẩm mĩ', 'Thể chất']) {
      expect(text).toContain(trait);
    }
    expect(text).toContain(`Đánh giá kết quả giáo dục: ${content.yearResult}`);
    expect(text).toContain('Hiệu trưởng');
  });

  it('embeds subsets of DejaVu Sans regular and bold with Unicode maps', async () => {
    const fonts = poppler('pdffonts', await renderHocBaPdf(secondaryExample(), { generatedAt })).stdout;
    expect(fonts).toMatch(/^[A-Z]{6}\+DejaVuSans +CID TrueType +Identity-H +yes +yes +yes /m);
    expect(fonts).toMatch(/^[A-Z]{6}\+DejaVuSans-Bold +CID TrueType +Identity-H +yes +yes +yes /m);
  });

  it('is byte-for-byte deterministic for the same content and generatedAt', async () => {
    const content = secondaryExample();
    const first = await renderHocBaPdf(content, { generatedAt });
    expect((await renderHocBaPdf(secondaryExample(), { generatedAt })).equals(first)).toBe(true);
    const later = await renderHocBaPdf(content, { generatedAt: new Date('2026-05-26T03:00:00Z') });
    expect(later.equals(first)).toBe(false);
  });

  it('names the document by its content hash: trailer ID, footer and metadata dates', async () => {
    const content = secondaryExample();
    const pdf = await renderHocBaPdf(content, { generatedAt });
    const hash = sha256Hex(canonicalJson(content));
    const id = /\/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \]/i.exec(pdf.toString('latin1'));
    expect(id?.[1].toLowerCase()).toBe(hash.slice(0, 32));
    expect(extractText(pdf)).toContain(`Mã băm nội dung (SHA-256): ${hash}`);
    const info = poppler('pdfinfo', pdf, ['-isodates']).stdout;
    expect(info).toMatch(/CreationDate:\s+2026-05-25T03:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2026-05-25T03:00:00Z/);
    expect(info).toMatch(/Title:\s+Học bạ – Đặng Thảo Vy – Lớp 7A3 – Năm học 2025-2026/);
  });

  it('composes decomposed diacritics so the text extracts as typed', async () => {
    const content = secondaryExample();
    content.student.fullName = 'Đặng Thảo Vy'.normalize('NFD');
    expect(extractText(await renderHocBaPdf(content, { generatedAt }))).toContain('Họ và tên: Đặng Thảo Vy');
  });

  it('wraps and paginates long names and many subjects without leaving the page or entering the footer', async () => {
    const content = oversizedRecord();
    const pdf = await renderHocBaPdf(content, { generatedAt });
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(4);
    const words = wordBoxes(pdf);
    const contentBottom = PAGE.height - PAGE.bottom;
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(PAGE.margin - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.5);
      expect(word.yMax <= contentBottom || word.yMin >= contentBottom).toBe(true);
    }
    const text = words.map((w) => w.text).join(' ');
    for (const word of content.student.fullName.split(' ')) expect(text).toContain(word);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`Chuyên đề học tập số ${i} về`);
    expect(text).toContain('Nhận xét tuần 80: tiến bộ rõ rệt.');
    expect(text).toContain('Hiệu trưởng');
    expect(text).toContain(`Trang ${pageCount(pdf)}/${pageCount(pdf)}`);
  });

  it('refuses a missing font directory, or files that are not fonts, with a clear error', async () => {
    const missing = renderHocBaPdf(secondaryExample(), { fontDir: '/nonexistent/fonts' });
    const error = await expectDomainError(missing, 'PDF.FONT_MISSING', 'fontDir');
    expect(error.message).toMatch(/\/nonexistent\/fonts\/DejaVuSans(-Bold)?\.ttf/);

    const dir = mkdtempSync(join(tmpdir(), 'edu-pdf-fonts-'));
    try {
      writeFileSync(join(dir, 'DejaVuSans.ttf'), 'not a font');
      writeFileSync(join(dir, 'DejaVuSans-Bold.ttf'), 'not a font either');
      await expectDomainError(renderHocBaPdf(secondaryExample(), { fontDir: dir }), 'PDF.FONT_MISSING', 'fontDir');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown level and an invalid date', async () => {
    const preschool = { ...secondaryExample(), level: 'MAM_NON' } as unknown as HocBaContent;
    await expectDomainError(renderHocBaPdf(preschool, { generatedAt }), 'PDF.LEVEL_UNSUPPORTED', 'content.level');
    await expectDomainError(renderHocBaPdf(secondaryExample(), { generatedAt: new Date('x') }), 'PDF.DATE_INVALID', 'generatedAt');
  });
});
