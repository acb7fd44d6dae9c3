import { readRawBody } from '@edu/bootstrap';
import { decodeBase64, MAX_SIGNATURES } from '@edu/crypto';
import { CommonErrors } from '@edu/errors';
import { SigningErrors } from '../../signing-errors.js';
import { ASIC_MIMETYPES, readAsicContainer } from './asic-container.js';

/** What one validation request may carry, decoded: a document with its signatures, or a container holding them. */
export const MAX_VALIDATION_BYTES = 20 * 1024 * 1024;
const CONTAINER_TYPES = [...ASIC_MIMETYPES, 'application/zip'];

export interface ValidationRequest {
  content: Buffer;
  signatures: Buffer[];
}

export interface ValidationHttpRequest extends AsyncIterable<Buffer> {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/**
 * The signatures to validate, from `{ content, signatures: [...] }` or `{ container }` (base64, JSON) or from an ASiC
 * container posted as is (`application/vnd.etsi.asic-s+zip`, `...asic-e+zip`, `application/zip`). JSON bodies are
 * bounded by the service's JSON limit; raw containers by MAX_VALIDATION_BYTES.
 */
export async function readValidationRequest(req: ValidationHttpRequest): Promise<ValidationRequest> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return fromJson(req.body);
  if (!CONTAINER_TYPES.includes(type)) throw CommonErrors.unsupportedMediaType(`application/json or ${ASIC_MIMETYPES[0]}`);
  if (Number(req.headers['content-length'] ?? 0) > MAX_VALIDATION_BYTES) throw tooLarge();
  return readAsicContainer(await readRawBody(req, MAX_VALIDATION_BYTES));
}

/** Validates the JSON shape on creation, naming the first field at fault. */
async function fromJson(body: unknown): Promise<ValidationRequest> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'The body must be a JSON object', 'Nội dung yêu cầu phải là một đối tượng JSON');
  const { content, signatures, container } = body as Record<string, unknown>;
  if (container !== undefined) {
    if (content !== undefined || signatures !== undefined) {
      throw invalid('container', 'Give either content and signatures, or a container, not both', 'Chỉ gửi nội dung và chữ ký, hoặc tệp chứa, không gửi cả hai');
    }
    return readAsicContainer(base64('container', container));
  }
  if (!Array.isArray(signatures) || !signatures.length || signatures.length > MAX_SIGNATURES) {
    throw invalid('signatures', `signatures must be an array of 1 to ${MAX_SIGNATURES} base64 CMS signatures`, `signatures phải là mảng từ 1 đến ${MAX_SIGNATURES} chữ ký CMS dạng base64`);
  }
  const request = { content: base64('content', content, true), signatures: signatures.map((value, i) => base64(`signatures[${i}]`, value)) };
  const size = request.signatures.reduce((sum, signature) => sum + signature.length, request.content.length);
  if (size > MAX_VALIDATION_BYTES) throw tooLarge();
  return request;
}

function base64(field: string, value: unknown, emptyAllowed = false): Buffer {
  const bytes = typeof value === 'string' && (value || emptyAllowed) ? decodeBase64(value) : null;
  if (!bytes) {
    const [en, vi] = emptyAllowed ? ['', ''] : [' non-empty', ', không rỗng'];
    throw invalid(field, `${field} must be a${en} standard base64 string`, `${field} phải là chuỗi base64 chuẩn${vi}`);
  }
  return bytes;
}

function invalid(field: string, en: string, vi: string) {
  return SigningErrors.validationInputInvalid(field, en, vi);
}

function tooLarge() {
  return CommonErrors.bodyTooLarge(`${MAX_VALIDATION_BYTES / 1024 / 1024} MiB`);
}
