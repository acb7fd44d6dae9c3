import type { PrimaryHocBaContent } from '@edu/contracts';
import { GENERAL_COMPETENCY_LABELS, QUALITY_LABELS, SPECIFIC_COMPETENCY_LABELS } from './hoc-ba-labels.js';
import { GREY, type PageFlow } from './page-flow.js';
import { drawTable, type Column } from './table.js';

/** Tiểu học (Circular 27/2020): subject levels and tests, then qualities and competencies, then the year result. */

const SUBJECT_COLUMNS: Column[] = [
  { header: 'STT', weight: 24, align: 'center' },
  { header: 'Môn học và hoạt động giáo dục', weight: 124 },
  { header: 'Mức đạt được', weight: 78, align: 'center' },
  { header: 'Điểm KTĐK', weight: 44, align: 'center' },
  { header: 'Nhận xét', weight: 241 },
];

/** One group of traits across the page: names in the header, levels below, so each group takes two rows. */
function drawTraits<T extends object>(flow: PageFlow, group: string, labels: Partial<Record<keyof T, string>>, values: T): void {
  const keys = Object.keys(labels) as (keyof T)[];
  const columns: Column[] = [
    { header: group, weight: 1.6 },
    ...keys.map((key): Column => ({ header: labels[key] ?? String(key), weight: 1, align: 'center' })),
  ];
  drawTable(flow, columns, [{ cells: ['Mức đạt được', ...keys.map((key) => String(values[key]))] }]);
  flow.gap(4);
}

export function drawPrimaryResults(flow: PageFlow, content: PrimaryHocBaContent): void {
  flow.heading('II. CÁC MÔN HỌC VÀ HOẠT ĐỘNG GIÁO DỤC');
  drawTable(
    flow,
    SUBJECT_COLUMNS,
    content.subjects.map((subject, i) => ({
      cells: [String(i + 1), subject.name, subject.level, subject.testScore?.toString() ?? '', subject.comment],
    })),
  );
  flow.gap(3);
  flow.paragraph('Điểm KTĐK: điểm bài kiểm tra định kì cuối năm học (thang 10).', { size: 8, color: GREY });

  flow.heading('III. NHỮNG PHẨM CHẤT CHỦ YẾU VÀ NĂNG LỰC CỐT LÕI');
  drawTraits(flow, 'Phẩm chất chủ yếu', QUALITY_LABELS, content.qualities);
  drawTraits(flow, 'Năng lực chung', GENERAL_COMPETENCY_LABELS, content.competencies);
  drawTraits(flow, 'Năng lực đặc thù', SPECIFIC_COMPETENCY_LABELS, content.competencies);
  flow.fields([{ label: 'Đánh giá kết quả giáo dục', value: content.yearResult }]);
}
