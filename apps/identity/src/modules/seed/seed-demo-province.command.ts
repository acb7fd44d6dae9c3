import { OutboxWriter } from '@edu/messaging';
import type { DataSource, EntityManager } from '@edu/persistence';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClientRegistry, type RegisteredClient } from '../clients/client-registry.js';
import { OrganisationImport } from '../organisations/organisation-import.js';
import { OrganisationJournal } from '../organisations/organisation-journal.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { StaffRegistry } from '../people/staff-registry.js';
import { StudentEnrolments } from '../people/student-enrolments.js';
import { HOMEROOM, TeacherAssignments } from '../people/teacher-assignments.js';
import { DEMO_CLIENTS, DEMO_GRADE_BOOK_SUBJECT, DEMO_ORGANISATIONS, DEMO_STUDENTS_PER_SCHOOL, demoStaff, demoStudents, type DemoAssignment } from './demo-province.js';

/**
 * Seeds the demo province when the registry is empty and writes the demo clients' credentials to `outFile`. Secrets
 * exist only as hashes in the database, so when the file is lost a fresh set of demo clients is made. Organisations
 * and students go through the same writers as an import, so their history and events are the same.
 */
export async function seedDemoProvince(dataSource: DataSource, outFile: string): Promise<{ seeded: boolean; clients: RegisteredClient[] }> {
  const outbox = new OutboxWriter('identity');
  const organisations = new OrganisationImport(new OrganisationRepository(), new OrganisationJournal(outbox));
  const registry = new ClientRegistry();
  return dataSource.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.seed'))`);
    const [{ count }] = await em.query('SELECT count(*)::int AS count FROM organisations');
    const seeded = count === 0;
    if (seeded) {
      await organisations.apply(em, DEMO_ORGANISATIONS.map((draft, i) => ({ row: i + 2, draft })), 'seed');
      await new StudentEnrolments(outbox).enrol(em, demoStudents(DEMO_STUDENTS_PER_SCHOOL));
      await seedStaff(em, outbox);
    } else if (existsSync(outFile)) {
      return { seeded, clients: JSON.parse(readFileSync(outFile, 'utf8')) as RegisteredClient[] };
    }
    const clients: RegisteredClient[] = [];
    for (const c of DEMO_CLIENTS) clients.push(await registry.create(em, c.org, c.role));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(clients, null, 2)}\n`, { mode: 0o600 });
    return { seeded, clients };
  });
}

/** The demo schools' principals, homeroom teachers and Toán teachers, through the same writers as a roster import. */
async function seedStaff(em: EntityManager, outbox: OutboxWriter): Promise<void> {
  const { staff, homerooms, subjectTeachers } = demoStaff();
  const column = <T>(rows: T[], f: (r: T) => string) => rows.map(f);
  await new StaffRegistry(outbox).registerFrom(em, {
    sql: `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            AS t(person_id, personal_id, full_name, date_of_birth, gender, role, org_code)`,
    params: [
      column(staff, (s) => s.personId),
      column(staff, (s) => s.personalId),
      column(staff, (s) => s.fullName),
      column(staff, (s) => s.dateOfBirth),
      column(staff, (s) => s.gender),
      column(staff, (s) => s.role),
      column(staff, (s) => s.orgCode),
    ],
  });
  const assign = (rows: DemoAssignment[], subject: string) =>
    new TeacherAssignments(outbox).assignFrom(em, {
      sql: `SELECT t.*, $5::text AS subject FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(person_id, school_code, class_name, school_year)`,
      params: [
        column(rows, (h) => h.personId),
        column(rows, (h) => h.schoolCode),
        column(rows, (h) => h.className),
        column(rows, (h) => h.schoolYear),
        subject,
      ],
    });
  await assign(homerooms, HOMEROOM);
  await assign(subjectTeachers, DEMO_GRADE_BOOK_SUBJECT);
}
