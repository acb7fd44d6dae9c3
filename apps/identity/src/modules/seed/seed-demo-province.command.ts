import { OutboxWriter } from '@edu/messaging';
import type { DataSource } from '@edu/persistence';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClientRegistry, type RegisteredClient } from '../clients/client-registry.js';
import { OrganisationDirectory } from '../directory/organisation-directory.js';
import { DEMO_CLIENTS, DEMO_ORGANISATIONS, demoStudents } from './demo-province.js';

export const DEMO_STUDENTS_PER_SCHOOL = 12;

/**
 * Seeds the demo province when the registry is empty and writes the demo clients' credentials to `outFile`. Secrets
 * exist only as hashes in the database, so when the file is lost a fresh set of demo clients is made.
 */
export async function seedDemoProvince(dataSource: DataSource, outFile: string): Promise<{ seeded: boolean; clients: RegisteredClient[] }> {
  const directory = new OrganisationDirectory(new OutboxWriter('identity'));
  const registry = new ClientRegistry();
  return dataSource.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.seed'))`);
    const [{ count }] = await em.query('SELECT count(*)::int AS count FROM organisations');
    const seeded = count === 0;
    if (seeded) {
      for (const org of DEMO_ORGANISATIONS) await directory.registerOrganisation(em, org);
      for (const { student, enrolment } of demoStudents(DEMO_STUDENTS_PER_SCHOOL))
        await directory.enrolStudent(em, student, enrolment);
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
