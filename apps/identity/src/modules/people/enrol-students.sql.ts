/**
 * Set-based enrolment of the rows of a source (columns as in students.csv) in a few statements over the whole set:
 * the rows that are new or different go to a temporary table, which then feeds the registry writes and the events.
 * Unchanged rows write nothing.
 *
 * - A student's ID is issued in `sector_ids` on first sight; the (id, kind) foreign key refuses a staff ID.
 * - An empty personal_id keeps the one on record (a roster may lack it); a different one is refused by validation.
 * - A replaced enrolment (same student and school year) is kept in `enrolment_history`.
 * - previous_school_code: the school of the replaced enrolment when the school changed (a transfer during the year);
 *   for a new school year, the school of the student's latest earlier enrolment (on record or earlier in the source)
 *   when it differs. A class change in the same school keeps the previous school already recorded.
 */
export const STUDENT_CHANGES = 'student_changes';

export const studentChangesSql = (source: string): string => `
CREATE TEMP TABLE ${STUDENT_CHANGES} ON COMMIT DROP AS
WITH incoming AS (
  SELECT src.student_id, nullif(src.personal_id, '') AS personal_id, src.full_name, src.date_of_birth::date AS date_of_birth,
         src.gender, src.school_code, src.class_name, src.grade::int AS grade, src.school_year,
         lag(src.school_code) OVER w AS earlier_school, lag(src.school_year) OVER w AS earlier_year
  FROM (${source}) src
  WINDOW w AS (PARTITION BY src.student_id ORDER BY src.school_year)
),
diff AS (
  SELECT i.student_id, coalesce(i.personal_id, s.personal_id) AS personal_id, i.full_name, i.date_of_birth, i.gender,
         i.school_code, i.class_name, i.grade, i.school_year, i.earlier_school, i.earlier_year,
         s.student_id IS NULL AS new_student,
         (s.student_id IS NULL OR s.personal_id IS DISTINCT FROM coalesce(i.personal_id, s.personal_id) OR s.full_name <> i.full_name
           OR s.date_of_birth <> i.date_of_birth OR s.gender <> i.gender OR s.status <> 'ACTIVE') AS student_changed,
         (e.student_id IS NULL OR e.school_code <> i.school_code OR e.class_name <> i.class_name OR e.grade <> i.grade) AS enrolment_changed,
         e.school_code AS cur_school, e.class_name AS cur_class, e.grade AS cur_grade, e.previous_school_code AS cur_previous
  FROM incoming i
  LEFT JOIN students s ON s.student_id = i.student_id
  LEFT JOIN enrolments e ON e.student_id = i.student_id AND e.school_year = i.school_year
)
SELECT d.*, dense_rank() OVER (ORDER BY d.student_id) AS n,
  CASE
    WHEN d.cur_school IS NOT NULL THEN CASE WHEN d.cur_school <> d.school_code THEN d.cur_school ELSE d.cur_previous END
    ELSE nullif(CASE WHEN prior.school_year IS NULL OR d.earlier_year > prior.school_year THEN d.earlier_school ELSE prior.school_code END, d.school_code)
  END AS previous_school_code
FROM diff d
LEFT JOIN LATERAL (
  SELECT p.school_code, p.school_year FROM enrolments p
  WHERE NOT d.new_student AND d.cur_school IS NULL AND p.student_id = d.student_id AND p.school_year < d.school_year
  ORDER BY p.school_year DESC LIMIT 1
) prior ON true
WHERE d.student_changed OR d.enrolment_changed`;

/**
 * The registry writes, in order, for the students numbered $1 to $2 (`n`) in the changes table. New rows are inserted
 * in key order without ON CONFLICT and changed ones updated apart: sorted, plain inserts fill the indexes several
 * times faster than unordered upserts.
 */
export const ENROLMENT_WRITES: readonly string[] = [
  `INSERT INTO sector_ids (sector_id, kind)
   SELECT DISTINCT ON (student_id) student_id, 'STUDENT' FROM ${STUDENT_CHANGES} WHERE new_student AND n BETWEEN $1 AND $2 ORDER BY student_id`,
  `INSERT INTO students (student_id, personal_id, full_name, date_of_birth, gender)
   SELECT DISTINCT ON (student_id) student_id, personal_id, full_name, date_of_birth, gender FROM ${STUDENT_CHANGES}
   WHERE new_student AND n BETWEEN $1 AND $2 ORDER BY student_id, school_year DESC`,
  `UPDATE students s SET personal_id = c.personal_id, full_name = c.full_name, date_of_birth = c.date_of_birth, gender = c.gender,
     status = 'ACTIVE', updated_at = now()
   FROM (SELECT DISTINCT ON (student_id) * FROM ${STUDENT_CHANGES} WHERE student_changed AND NOT new_student AND n BETWEEN $1 AND $2
         ORDER BY student_id, school_year DESC) c
   WHERE s.student_id = c.student_id`,
  `INSERT INTO enrolment_history (student_id, school_year, school_code, class_name, grade, previous_school_code)
   SELECT student_id, school_year, cur_school, cur_class, cur_grade, cur_previous FROM ${STUDENT_CHANGES}
   WHERE cur_school IS NOT NULL AND enrolment_changed AND n BETWEEN $1 AND $2`,
  `INSERT INTO enrolments (student_id, school_year, school_code, class_name, grade, previous_school_code)
   SELECT student_id, school_year, school_code, class_name, grade, previous_school_code FROM ${STUDENT_CHANGES}
   WHERE cur_school IS NULL AND n BETWEEN $1 AND $2 ORDER BY student_id, school_year`,
  `UPDATE enrolments e SET school_code = c.school_code, class_name = c.class_name, grade = c.grade,
     previous_school_code = c.previous_school_code, updated_at = now()
   FROM ${STUDENT_CHANGES} c
   WHERE c.cur_school IS NOT NULL AND c.enrolment_changed AND c.n BETWEEN $1 AND $2 AND e.student_id = c.student_id AND e.school_year = c.school_year`,
];

/** The changes of students $1 to $2 as StudentEnrolled payload columns, a student's school years in order. */
export const ANNOUNCED_ENROLMENTS = `
SELECT student_id, coalesce(personal_id, '') AS personal_id, full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
       gender, school_code, class_name, grade, school_year, coalesce(previous_school_code, '') AS previous_school_code
FROM ${STUDENT_CHANGES} WHERE n BETWEEN $1 AND $2 ORDER BY n, school_year`;
