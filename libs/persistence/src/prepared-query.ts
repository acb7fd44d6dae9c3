import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `text` as a named prepared statement: PostgreSQL parses and plans it once per connection instead of on every
 * call, for the statements a service runs once per document (planning the submission's insert cost as much as running
 * it). Each name must always go with the same text. TypeORM hands the query config to node-postgres unchanged; the
 * result has TypeORM's shape (`[rows, count]` for UPDATE and DELETE).
 */
export function preparedQuery<T = unknown>(em: EntityManager | DataSource, name: string, text: string, params: unknown[]): Promise<T> {
  return em.query({ name, text } as unknown as string, params);
}
