import { CommonErrors } from '@edu/errors';

/**
 * The request's bytes for a content type the JSON and form parsers leave alone (application/ocsp-request, text/csv),
 * up to `limit` bytes. The stream is drained past the limit so the connection stays usable for the error reply.
 */
export async function readRawBody(req: AsyncIterable<Buffer | string>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= limit) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  if (size > limit) throw CommonErrors.bodyTooLarge(limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MiB` : `${limit / 1024} KiB`);
  return Buffer.concat(chunks);
}
