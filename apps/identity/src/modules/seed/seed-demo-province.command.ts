import { OutboxWriter } from '@edu/messaging';
import type { DataSource } from '@edu/persistence';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClientRegistry, type RegisteredClient } from '../clients/client-registry.js';
import { OrganisationImport } from '../organisations/organisation-import.js';
import { OrganisationJournal } from '../organisations/organisation-journal.js';
import { OrganisationRepository } from '../organisations/organisation.repository.js';
import { StudentEnrolments } from '../people/student-enrolments.js';
import { DEMO_CLIENTS, DEMO_ORGANISATIONS, demoStudents } from './demo-province.js';

export const DEMO_STUDENTS_PER_SCHOOL = 12;

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
