import { CommonErrors, DomainError } from '@edu/errors';
import type { IncomingMessage } from 'node:http';
import { readRawBody } from '@edu/bootstrap';

export type CsvRequest = IncomingMessage & { is(type: string): string | false | null };

/**
 * The request body of a `text/csv` upload as UTF-8 text. The service's body parsers handle only JSON and forms, so
 * the stream is still unread here; it is read up to `limitBytes` and must be UTF-8.
 */
export async function readCsvBody(req: CsvRequest, limitBytes: number): Promise<string> {
  if (!req.is('text/csv')) throw CommonErrors.unsupportedMediaType('text/csv; charset=utf-8');
  const charset = /charset=([^;]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw CommonErrors.unsupportedMediaType('text/csv; charset=utf-8');
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) throw CommonErrors.bodyTooLarge(`${Math.round(limitBytes / 1024 / 1024)} MiB`);
  const bytes = await readRawBody(req as AsyncIterable<Buffer>, limitBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('IDENTITY.CSV_ENCODING', 'invalid', {
      vi: 'Tệp CSV phải được mã hóa UTF-8',
      en: 'The CSV file must be encoded in UTF-8',
    }, 'body');
  }
}
