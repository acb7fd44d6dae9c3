import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DomainError, type LocalizedMessage } from '@edu/errors';
import { HocBaErrorCode } from './hoc-ba-rule.js';
import { checkHocBaRules, type HocBaExpectations } from './hoc-ba.rules.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';
import type { HocBaContent } from '@edu/contracts';

export type { HocBaExpectations };

// ajv-formats is CommonJS: under nodenext its default import is the module object, whose `default`
// is the plugin (the same function at runtime).
const addFormats = addFormatsModule.default;

// One instance for every document type; each compiles its schema once, at module load, because validation sits on
// the submission hot path.
const ajv = new Ajv({ allErrors: false, strict: true, multipleOfPrecision: 9 });
addFormats(ajv, ['date']);

/** `/subjects/3/terms` → `content.subjects[3].terms` (RFC 6901 escapes undone). */
export function toFieldPath(prefix: string, instancePath: string, child?: string): string {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/');
  if (child !== undefined) segments.push(child);
  return segments.reduce((path, raw) => {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9][0-9]*)$/.test(segment)) return `${path}[${segment}]`;
    return path === '' ? segment : `${path}.${segment}`;
  }, prefix);
}

const VI_BY_KEYWORD: Record<string, string> = {
  required: 'thiếu trường bắt buộc',
  additionalProperties: 'trường không được phép có',
  type: 'sai kiểu dữ liệu',
  enum: 'giá trị không thuộc danh sách cho phép',
  const: 'giá trị không đúng',
  minimum: 'giá trị nhỏ hơn mức cho phép',
  maximum: 'giá trị lớn hơn mức cho phép',
  multipleOf: 'điểm chỉ được có tối đa một chữ số thập phân',
  pattern: 'sai định dạng',
  format: 'sai định dạng',
  minLength: 'chuỗi quá ngắn',
  maxLength: 'chuỗi quá dài',
  minItems: 'quá ít phần tử',
  maxItems: 'quá nhiều phần tử',
};

function schemaError(error: ErrorObject, prefix: string, document: LocalizedMessage): DomainError {
  const params = error.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
  const child = params.missingProperty ?? params.additionalProperty;
  const field = toFieldPath(prefix, error.instancePath, child);
  const allowed = params.allowedValues ? ` (${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : '';
  const vi = VI_BY_KEYWORD[error.keyword] ?? 'không đúng cấu trúc';
  return new DomainError(
    HocBaErrorCode.SCHEMA_INVALID,
    'invalid',
    {
      vi: `${document.vi} sai cấu trúc tại ${field}: ${vi}${allowed}`,
      en: `${document.en} structure invalid at ${field}: ${error.message ?? error.keyword}${allowed}`,
    },
    field,
  );
}

/** Checks content against one document type's schema; throws the first error as INTERCHANGE.SCHEMA_INVALID. */
export type SchemaCheck<T> = (content: unknown, fieldPrefix: string) => asserts content is T;

/**
 * Compiles a document type's content schema; call it at module load, not per submission. `document` names the
 * document in messages ("Sổ điểm sai cấu trúc tại …").
 */
export function compileSchemaCheck<T>(schema: object, document: LocalizedMessage): SchemaCheck<T> {
  const validate = ajv.compile<T>(schema);
  return (content, fieldPrefix) => {
    if (validate(content)) return;
    const [first] = validate.errors ?? [];
    throw first
      ? schemaError(first, fieldPrefix, document)
      : new DomainError(HocBaErrorCode.SCHEMA_INVALID, 'invalid', { vi: `${document.vi} sai cấu trúc`, en: `${document.en} structure invalid` }, fieldPrefix);
  };
}

const checkSchema: SchemaCheck<HocBaContent> = compileSchemaCheck(HOC_BA_CONTENT_SCHEMA, { vi: 'Học bạ', en: 'Học bạ' });

/**
 * Validates a học bạ's content: structure first (INTERCHANGE.SCHEMA_INVALID), then the circulars'
 * rules in a fixed order (INTERCHANGE.RULE_VIOLATED). Throws on the first problem; returns when
 * the content is fit to be signed. `expected` carries what the document envelope says (school
 * year, student), which the content must agree with.
 */
export function validateHocBaContent(
  content: unknown,
  fieldPrefix = 'content',
  expected: HocBaExpectations = {},
): asserts content is HocBaContent {
  checkSchema(content, fieldPrefix);
  checkHocBaRules(content, fieldPrefix, expected);
}
