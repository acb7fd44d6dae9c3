import { isUuid } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { preparedQuery, type EntityManager } from '@edu/persistence';


export const unknownDocument = (id: string) =>
  new DomainError('INTERCHANGE.EVENT_FOR_UNKNOWN_DOCUMENT', 'invalid', {
    vi: `Sự kiện cho tài liệu không tồn tại: ${id}`,
    en: `Event for an unknown document: ${id}`,
  }, 'documentId');

/** Throws (permanently) unless every id is a UUID of a document this service holds. */
export async function assertKnownDocuments(em: EntityManager, ids: string[]): Promise<void> {
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) throw unknownDocument(bad);
  const rows = await preparedQuery<Array<{ id: string }>>(em, 'known-documents', 'SELECT id FROM documents WHERE id = ANY($1::uuid[])', [ids]);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw unknownDocument(missing);
}
