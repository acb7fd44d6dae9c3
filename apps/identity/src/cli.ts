/**
 * Operator commands. On identity's own schema (events through the outbox, which the running identity service
 * publishes): `seed --out <file>` and `client create --org <code> --role school|hub|ministry|operator`. Without any
 * database: `demo-data ...`, which writes a province's demo rosters as CSV files.
 */
import { DomainError } from '@edu/errors';
import type { DataSource } from '@edu/persistence';
import { parseArgs } from 'node:util';
import { generateDemoData } from './modules/demo-data/demo-data-generator.js';
import { DEMO_DATA_USAGE, readDemoDataOptions } from './modules/demo-data/demo-data-options.js';

const USAGE = `usage: cli.js seed --out <file> | client create --org <code> --role school|hub|ministry|operator\n       cli.js ${DEMO_DATA_USAGE}`;
const TEXT_OPTIONS = ['out', 'org', 'role', 'preset', 'province', 'schools', 'teachers', 'students', 'seed', 'school-year'] as const;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: Object.fromEntries(TEXT_OPTIONS.map((o) => [o, { type: 'string' as const }])),
  });
  const flags = values as Partial<Record<(typeof TEXT_OPTIONS)[number], string>>;
  if (positionals[0] === 'demo-data') return demoData(flags);
  if (positionals[0] === 'seed' && flags.out) {
    const out = flags.out;
    const { seedDemoProvince } = await import('./modules/seed/seed-demo-province.command.js');
    return withDatabase(async (dataSource) => {
      const { seeded, clients } = await seedDemoProvince(dataSource, out);
      console.error(seeded ? `seeded the demo province; ${clients.length} demo clients` : 'demo province already present');
      return 0;
    });
  }
  if (positionals[0] === 'client' && positionals[1] === 'create' && flags.org && flags.role) {
    const { org, role } = flags;
    const { ClientRegistry } = await import('./modules/clients/client-registry.js');
    return withDatabase(async (dataSource) => {
      const client = await dataSource.transaction((em) => new ClientRegistry().create(em, org, role));
      console.log(JSON.stringify({ client_id: client.client_id, client_secret: client.client_secret }));
      return 0;
    });
  }
  console.error(USAGE);
  return 2;
}

/**
 * Only the commands that need identity's schema load the database code, connect to PostgreSQL and run migrations:
 * `demo-data` runs anywhere, with no stack.
 */
async function withDatabase(work: (dataSource: DataSource) => Promise<number>): Promise<number> {
  const [{ openServiceDataSource }, { commonSchema, loadConfig }, { IDENTITY_MIGRATIONS }] = await Promise.all([
    import('@edu/persistence'), import('@edu/config'), import('./migrations/index.js'),
  ]);
  const config = loadConfig(commonSchema);
  const dataSource = await openServiceDataSource({ url: config.DATABASE_URL, schema: 'identity', migrations: IDENTITY_MIGRATIONS, poolSize: 2 });
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function demoData(flags: Parameters<typeof readDemoDataOptions>[0]): number {
  let options;
  try {
    options = readDemoDataOptions(flags);
  } catch (err) {
    console.error(`${(err as Error).message}\n${DEMO_DATA_USAGE}`);
    return 2;
  }
  const started = performance.now();
  const counts = generateDemoData(options);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.error(`wrote ${counts.organisations} organisations, ${counts.teachers} staff, ${counts.assignments} assignments and ` +
    `${counts.students} students for ${options.schoolYear} to ${options.out} in ${seconds} s`);
  console.log(JSON.stringify({ out: options.out, schoolYear: options.schoolYear, seed: options.seed, ...counts, seconds }));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof DomainError) {
      console.error(JSON.stringify(err.toBody()));
      process.exit(1);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
