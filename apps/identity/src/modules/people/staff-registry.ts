import { Topics } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { appendFromQuery } from './outbox-chunks.js';
import type { RowSource, WriteOutcome } from './student.js';

export const STAFF_ROLES = ['TEACHER', 'PRINCIPAL', 'CLERK', 'OPERATOR'] as const;

interface ChangedPerson {
  person_id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: string;
  role: string;
  org_code: string;
}

/** Staff rows (columns as in teachers.csv) that are new or differ from the registry. */
const staffChangesSql = (source: string) => `
CREATE TEMP TABLE staff_changes ON COMMIT DROP AS
SELECT i.*, p.person_id IS NULL AS new_person
FROM (SELECT src.person_id, src.personal_id, src.full_name, src.date_of_birth::date AS date_of_birth, src.gender, src.role, src.org_code
      FROM (${source}) src) i
LEFT JOIN persons p ON p.person_id = i.person_id
WHERE p.person_id IS NULL OR p.personal_id <> i.personal_id OR p.full_name <> i.full_name OR p.date_of_birth <> i.date_of_birth
   OR p.gender <> i.gender OR p.role <> i.role OR p.org_code <> i.org_code OR p.status <> 'ACTIVE'`;

const STAFF_WRITES = [
  `INSERT INTO sector_ids (sector_id, kind) SELECT person_id, 'STAFF' FROM staff_changes WHERE new_person ON CONFLICT (sector_id) DO NOTHING`,
  `INSERT INTO persons (person_id, personal_id, full_name, date_of_birth, gender, role, org_code)
   SELECT person_id, personal_id, full_name, date_of_birth, gender, role, org_code FROM staff_changes
   ON CONFLICT (person_id) DO UPDATE SET personal_id = EXCLUDED.personal_id, full_name = EXCLUDED.full_name,
     date_of_birth = EXCLUDED.date_of_birth, gender = EXCLUDED.gender, role = EXCLUDED.role, org_code = EXCLUDED.org_code,
     status = 'ACTIVE', updated_at = now()`,
];

const ANNOUNCED_STAFF = `SELECT person_id, personal_id, full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, gender, role, org_code
                         FROM staff_changes ORDER BY person_id`;

/**
 * The staff registry: teachers, principals, clerks and operators, announced as PersonRegistered. A person in a roster
 * works there, so the import makes them ACTIVE again. Their sector ID is issued as a STAFF ID on first sight.
 */
@Injectable()
export class StaffRegistry {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async registerFrom(em: EntityManager, source: RowSource, correlationId?: string, onProgress?: (n: number) => unknown): Promise<WriteOutcome> {
    await em.query(staffChangesSql(source.sql), source.params);
    for (const write of STAFF_WRITES) await em.query(write);
    const changed = await appendFromQuery(this.outbox, em, ANNOUNCED_STAFF, (r: ChangedPerson) => ({
      key: r.person_id,
      event: {
        type: Topics.PersonRegistered,
        correlationId,
        payload: {
          personId: r.person_id,
          personalId: r.personal_id,
          fullName: r.full_name,
          dateOfBirth: r.date_of_birth,
          gender: r.gender,
          role: r.role,
          orgCode: r.org_code,
          status: 'ACTIVE',
        },
      },
    }), onProgress);
    await em.query('DROP TABLE staff_changes');
    return { changed };
  }
}
