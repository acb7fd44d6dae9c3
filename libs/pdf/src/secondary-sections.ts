import type { CommentSubject, ScoredSubject, SecondaryHocBaContent } from '@edu/contracts';
import { commentResultLabel, scoreLabel } from './hoc-ba-labels.js';
import { GREY, type PageFlow } from './page-flow.js';
import { drawTable, type Column } from './table.js';

/** THCS and THPT (Circular 22/2021): term and year results per subject, then conduct and learning. */

const SUBJECT_COLUMNS: Column[] = [
  { header: 'STT', weight: 26, align: 'center' },
  { header: 'Môn học, hoạt động giáo dục', weight: 176 },
  { header: 'Học kỳ I', weight: 50, align: 'center' },
  { header: 'Học kỳ II', weight: 50, align: 'center' },
  { header: 'Cả năm', weight: 50, align: 'center' },
  { header: 'Nhận xét', weight: 159 },
];

function subjectComment(subject: ScoredSubject | CommentSubject): string {
  const { hk1, hk2 } = subject.terms;
  return [subject.comment, hk1.comment && `HK I: ${hk1.comment}`, hk2.comment && `HK II: ${hk2.comment}`]
    .filter(Boolean)
    .join('\n');
}

function subjectResults(subject: ScoredSubject | CommentSubject): string[] {
  return subject.assessment === 'score'
    ? [scoreLabel(subject.terms.hk1.average), scoreLabel(subject.terms.hk2.average), scoreLabel(subject.yearAverage)]
    : [subject.terms.hk1.result, subject.terms.hk2.result, subject.yearResult].map(commentResultLabel);
}

export function drawSecondaryResults(flow: PageFlow, content: SecondaryHocBaContent): void {
  flow.heading('II. KẾT QUẢ HỌC TẬP CÁC MÔN HỌC VÀ HOẠT ĐỘNG GIÁO DỤC');
  const rows = content.subjects.map((subject, i) => ({
    cells: [String(i + 1), subject.name, ...subjectResults(subject), subjectComment(subject)],
  }));
  drawTable(flow, SUBJECT_COLUMNS, rows);
  flow.gap(3);
  flow.paragraph(
    'Môn đánh giá bằng điểm: điểm trung bình môn học kỳ và cả năm. Môn đánh giá bằng nhận xét: Đ – Đạt, CĐ – Chưa đạt.',
    { size: 8, color: GREY },
  );

  flow.heading('III. KẾT QUẢ RÈN LUYỆN VÀ HỌC TẬP');
  const columns: Column[] = [
    { header: 'Đánh giá', weight: 2 },
    { header: 'Học kỳ I', weight: 1, align: 'center' },
    { header: 'Học kỳ II', weight: 1, align: 'center' },
    { header: 'Cả năm', weight: 1, align: 'center' },
  ];
  const { conduct, learningResult } = content;
  drawTable(flow, columns, [
    { cells: ['Kết quả rèn luyện', conduct.hk1, conduct.hk2, conduct.year] },
    { cells: ['Kết quả học tập', learningResult.hk1, learningResult.hk2, learningResult.year] },
  ]);
}
