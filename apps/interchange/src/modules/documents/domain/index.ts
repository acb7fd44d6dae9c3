export { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';
export { HocBaErrorCode, HocBaRule, HocBaRuleViolation } from './hoc-ba-rule.js';
export { checkHocBaRules, type HocBaExpectations } from './hoc-ba.rules.js';
export { toFieldPath, validateHocBaContent } from './hoc-ba.validator.js';
export { buildHocBaExample, type HocBaExampleInput } from './hoc-ba.example.js';
export {
  learningResult,
  requiredRegularCount,
  termAverageTenths,
  yearAverageTenths,
  MAX_DAYS_ABSENT,
} from './secondary-assessment.js';
export { primaryYearResult } from './primary-assessment.js';
export {
  DOCUMENT_TYPES,
  type DeclaredAttachment,
  isDocumentTypeName,
  type DocumentSubject,
  type DocumentType,
  type DocumentTypeName,
  type ExampleContext,
  type ListedStudent,
  type SignerRole,
  type SubjectKind,
} from './document-types.js';
