import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * Documents about something other than one student (a sổ điểm is about a class's subject in a term): the submission's
 * `subject` is kept as given, `student_id` is set only for a student's document, and versions are numbered per record
 * (`record_key`: the student for a học bạ, the class, subject and term for a sổ điểm, holder and number for a
 * certificate) instead of per student.
 */
export class DocumentRecords1766000000400 implements MigrationInterface {
  name = 'DocumentRecords1766000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN record_key text, ADD COLUMN subject jsonb, ADD COLUMN class_name text,
      ALTER COLUMN student_id DROP NOT NULL`);
    await q.query(`UPDATE documents SET record_key = student_id, subject = jsonb_build_object('studentId', student_id)`);
    await q.query('ALTER TABLE documents ALTER COLUMN record_key SET NOT NULL, ALTER COLUMN subject SET NOT NULL');
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_document_type_student_id_school_year_version_key,
      ADD CONSTRAINT documents_record_version_key UNIQUE (document_type, record_key, school_year, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query('SELECT count(*)::int AS n FROM documents WHERE student_id IS NULL');
    // Going back would have to drop signed records; it refuses instead.
    if (n > 0) throw new Error(`${n} documents are not about one student (sổ điểm): cannot revert DocumentRecords1766000000400`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_record_version_key,
      ADD CONSTRAINT documents_document_type_student_id_school_year_version_key UNIQUE (document_type, student_id, school_year, version)`);
    await q.query('ALTER TABLE documents DROP COLUMN record_key, DROP COLUMN subject, DROP COLUMN class_name, ALTER COLUMN student_id SET NOT NULL');
  }
}
