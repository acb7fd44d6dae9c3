import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own PostgreSQL schema; no service reads another's. */
  schema: string;
  migrations: Array<new () => MigrationInterface>;
  entities?: Function[];
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

/** Creates the schema if needed, connects with search_path pinned to it and runs pending migrations. */
export async function openServiceDataSource(opts: ServiceDataSourceOptions): Promise<DataSource> {
  if (!SCHEMA_NAME.test(opts.schema)) throw new Error(`invalid schema name ${opts.schema}`);
  await ensureSchema(opts.url, opts.schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    entities: opts.entities ?? [],
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    extra: { max: opts.poolSize ?? 10, options: `-c search_path=${opts.schema}` },
    // Failed queries are reported by the callers that can say what they mean; TypeORM would print their parameters,
    // which may hold personal data.
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    // Two services starting at once may race on CREATE SCHEMA; the loser sees a unique violation.
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    await client.end();
  }
}
