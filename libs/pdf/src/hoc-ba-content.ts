/**
 * The parts of a học bạ's canonical content that its PDF shows. The full type and its rules live with the
 * interchange app (documents/domain/hoc-ba.types.ts); libs never import apps, so this is a structural subset of
 * it: any valid content is assignable here. Assessment words (Tốt, Đạt, Hoàn thành tốt…) are printed as given.
 */

export interface HocBaStudent {
  studentId: string;
  fullName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  gender: 'NAM' | 'NU';
  personalId?: string;
}

export interface TermRatings {
  hk1: string;
  hk2: string;
  year: string;
}

interface ContentBase {
  grade: number;
  className: string;
  schoolYear: string;
  student: HocBaStudent;
  school: { code: string; name: string };
  daysAbsent: number;
  remarks: string;
  promotion: { decision: string };
  homeroomTeacher: { name: string };
  principal: { name: string };
  award: string | null;
}

export interface ScoredSubject {
  name: string;
  assessment: 'score';
  terms: { hk1: { average: number; comment?: string }; hk2: { average: number; comment?: string } };
  yearAverage: number;
  comment?: string;
}

export interface CommentSubject {
  name: string;
  assessment: 'comment';
  terms: { hk1: { result: string; comment?: string }; hk2: { result: string; comment?: string } };
  yearResult: string;
  comment?: string;
}

export interface SecondaryHocBaContent extends ContentBase {
  level: 'THCS' | 'THPT';
  subjects: (ScoredSubject | CommentSubject)[];
  conduct: TermRatings;
  learningResult: TermRatings;
}

export interface PrimarySubject {
  name: string;
  level: string;
  testScore?: number;
  comment: string;
}

export interface PrimaryQualities {
  patriotism: string;
  compassion: string;
  diligence: string;
  honesty: string;
  responsibility: string;
}

export interface PrimaryCompetencies {
  selfReliance: string;
  collaboration: string;
  problemSolving: string;
  language: string;
  numeracy: string;
  science: string;
  technology: string;
  informatics: string;
  aesthetics: string;
  physical: string;
}

export interface PrimaryHocBaContent extends ContentBase {
  level: 'TIEU_HOC';
  subjects: PrimarySubject[];
  qualities: PrimaryQualities;
  competencies: PrimaryCompetencies;
  yearResult: string;
}

export type HocBaContent = SecondaryHocBaContent | PrimaryHocBaContent;
