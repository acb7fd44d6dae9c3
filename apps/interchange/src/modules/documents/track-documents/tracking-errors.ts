import { DomainError } from '@edu/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unknownDocument = (id: string) =>
  new DomainError('INTERCHANGE.EVENT_FOR_UNKNOWN_DOCUMENT', 'invalid', {
    vi: `Sự kiện cho tài liệu không tồn tại: ${id}`,
    en: `Event for an unknown document: ${id}`,
  }, 'documentId');

/** Throws (permanently) unless every id is a UUID of a document this service holds. */
export async function assertKnownDocuments(em: { query(sql: string, params: unknown[]): Promise<Array<{ id: string }>> }, ids: string[]): Promise<void> {
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined) throw unknownDocument(bad);
  const found = new Set((await em.query('SELECT id FROM documents WHERE id = ANY($1::uuid[])', [ids])).map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw unknownDocument(missing);
}
