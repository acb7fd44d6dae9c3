import { DomainError } from '@edu/errors';

/**
 * Signing's errors. Kind `unavailable` is transient (the inbox consumer retries with backoff); every other kind is
 * permanent and sends the event to its dead-letter topic. Codes are stable: never rename one.
 */
export const SigningErrors = {
  eventIncomplete: (field: string) =>
    new DomainError('SIGNING.EVENT_INCOMPLETE', 'invalid', {
      vi: `Sự kiện thiếu hoặc sai trường ${field}`,
      en: `The event lacks a valid ${field}`,
    }, field),
  sealNotReady: (orgCode: string) =>
    new DomainError('SIGNING.SEAL_NOT_READY', 'unavailable', {
      vi: `Đơn vị ${orgCode} chưa có con dấu điện tử đang hiệu lực`,
      en: `Organisation ${orgCode} has no active seal yet`,
    }, 'issuerCode'),
  sealExpired: (orgCode: string) =>
    new DomainError('SIGNING.SEAL_EXPIRED', 'unavailable', {
      vi: `Chứng thư con dấu của đơn vị ${orgCode} đã hết hạn`,
      en: `The seal certificate of ${orgCode} has expired`,
    }, 'issuerCode'),
  contentOutsideStaging: (bucket: string) =>
    new DomainError('SIGNING.CONTENT_OUTSIDE_STAGING', 'invalid', {
      vi: `Nội dung phải nằm trong kho lưu tạm, không phải ${bucket}`,
      en: `Content must come from the staging bucket, not ${bucket}`,
    }, 'content.bucket'),
  contentMissing: () =>
    new DomainError('SIGNING.CONTENT_MISSING', 'not-found', {
      vi: 'Không tìm thấy nội dung lưu tạm',
      en: 'The staged content does not exist',
    }, 'content.key'),
  contentMismatch: () =>
    new DomainError('SIGNING.CONTENT_MISMATCH', 'unprocessable', {
      vi: 'Nội dung lưu tạm không khớp mã băm SHA-256 hoặc kích thước',
      en: 'The staged content does not match its SHA-256 or size',
    }, 'content.sha256'),
  sealKeyUnknown: (keyId: string) =>
    new DomainError('SIGNING.SEAL_KEY_UNKNOWN', 'not-found', {
      vi: `Không có khoá con dấu ${keyId} đang chờ chứng thư`,
      en: `No pending seal key ${keyId}`,
    }, 'keyId'),
  certificateMismatch: (reason: string) =>
    new DomainError('SIGNING.CERTIFICATE_MISMATCH', 'unprocessable', {
      vi: `Chứng thư không dùng được cho khoá con dấu: ${reason}`,
      en: `The certificate does not fit the seal key: ${reason}`,
    }, 'certificatePem'),
  sealRevoked: (orgCode: string, reason: string) =>
    new DomainError('SIGNING.SEAL_REVOKED', 'unprocessable', {
      vi: `Chứng thư con dấu của đơn vị ${orgCode} đã bị thu hồi (${reason}); cần cấp con dấu mới trước khi ký`,
      en: `The seal certificate of ${orgCode} was revoked (${reason}); a new seal must be issued before signing`,
    }, 'issuerCode'),
  organisationUnknown: (orgCode: string) =>
    new DomainError('SIGNING.ORGANISATION_UNKNOWN', 'not-found', {
      vi: `Không có đơn vị ${orgCode}`,
      en: `No organisation ${orgCode}`,
    }, 'org'),
  noSealForOrganisation: (orgCode: string) =>
    new DomainError('SIGNING.NO_SEAL_FOR_ORGANISATION', 'conflict', {
      vi: `Đơn vị ${orgCode} không phải cơ sở giáo dục đang hoạt động nên không có con dấu`,
      en: `${orgCode} is not an active institution, so it holds no seal`,
    }, 'org'),
  sealRotationPending: (orgCode: string) =>
    new DomainError('SIGNING.SEAL_ROTATION_PENDING', 'conflict', {
      vi: `Đơn vị ${orgCode} đã có khoá con dấu mới đang chờ chứng thư`,
      en: `${orgCode} already has a new seal key waiting for its certificate`,
    }, 'org'),
  workflowUnknown: (documentType: string) =>
    new DomainError('SIGNING.WORKFLOW_UNKNOWN', 'unprocessable', {
      vi: `Chưa có quy trình ký cho loại tài liệu ${documentType}`,
      en: `No signing workflow is defined for document type ${documentType}`,
    }, 'documentType'),
  /** `field`: the submission's field that found no one — its class for a teacher's step, its issuer for a principal's. */
  signerUnknown: (s: { role: string; issuerCode: string; className: string; schoolYear: string; subject?: string; field: string }) =>
    new DomainError('SIGNING.SIGNER_UNKNOWN', 'unprocessable', {
      vi: `Không có người ký với vai trò ${STEP_ROLE_VI[s.role] ?? s.role} cho lớp ${s.className || '(trống)'}${s.subject ? `, môn ${s.subject}` : ''}, năm học ${s.schoolYear} tại đơn vị ${s.issuerCode}`,
      en: `No one can sign as ${s.role} for class ${s.className || '(none)'}${s.subject ? `, subject ${s.subject}` : ''}, school year ${s.schoolYear} at ${s.issuerCode}`,
    }, s.field),
  requestInvalid: (field: string, en: string, vi: string) => new DomainError('SIGNING.REQUEST_INVALID', 'invalid', { vi, en }, field),
  /** The offending task ids are listed in `field`, comma-separated: the whole batch is refused. */
  tasksNotFound: (taskIds: string[]) =>
    new DomainError('SIGNING.TASK_NOT_FOUND', 'not-found', {
      vi: `Không có nhiệm vụ ký: ${taskIds.join(', ')}`,
      en: `No such signing task: ${taskIds.join(', ')}`,
    }, taskIds.join(',')),
  tasksNotYours: (taskIds: string[]) =>
    new DomainError('SIGNING.TASK_NOT_YOURS', 'forbidden', {
      vi: `Bạn không phải người ký của nhiệm vụ: ${taskIds.join(', ')}`,
      en: `You are not the signer of task: ${taskIds.join(', ')}`,
    }, taskIds.join(',')),
  tasksNotPending: (taskIds: string[]) =>
    new DomainError('SIGNING.TASK_NOT_PENDING', 'conflict', {
      vi: `Nhiệm vụ không còn chờ ký (đã ký, bị từ chối, bị huỷ hoặc chưa đến lượt): ${taskIds.join(', ')}`,
      en: `Task not waiting for a signature (signed, rejected, cancelled or not yet due): ${taskIds.join(', ')}`,
    }, taskIds.join(',')),
  workflowNotFound: (documentId: string) =>
    new DomainError('SIGNING.WORKFLOW_NOT_FOUND', 'not-found', {
      vi: `Không có quy trình ký cho tài liệu ${documentId}`,
      en: `No signing workflow for document ${documentId}`,
    }, 'documentId'),
  workflowClosed: (documentId: string, state: string) =>
    new DomainError('SIGNING.WORKFLOW_CLOSED', 'conflict', {
      vi: `Quy trình ký của tài liệu ${documentId} đã kết thúc (${state})`,
      en: `The signing workflow of document ${documentId} is already over (${state})`,
    }, 'documentId'),
  workflowCancelled: (reason: string) =>
    new DomainError('SIGNING.WORKFLOW_CANCELLED', 'unprocessable', {
      vi: `Quy trình ký đã bị huỷ: ${reason}`,
      en: `The signing workflow was cancelled: ${reason}`,
    }, 'reason'),
  validationInputInvalid: (field: string, en: string, vi: string) =>
    new DomainError('SIGNING.VALIDATION_INPUT_INVALID', 'invalid', { vi, en }, field),
  trustAnchorsUnavailable: () =>
    new DomainError('SIGNING.TRUST_ANCHORS_UNAVAILABLE', 'unavailable', {
      vi: 'Chưa lấy được danh sách tổ chức chứng thực tin cậy, vui lòng thử lại sau',
      en: 'The trust anchors could not be loaded; please retry later',
    }),
  externalSignatureInvalid: (signatures: number, subIndication: string, why: { vi: string; en: string }) =>
    new DomainError('SIGNING.EXTERNAL_SIGNATURE_INVALID', 'unprocessable', {
      vi: signatures === 1 ? `Chữ ký tải lên không được chấp nhận (${subIndication}): ${why.vi}` : `Phải tải lên đúng một chữ ký, không phải ${signatures}`,
      en: signatures === 1 ? `The uploaded signature is not accepted (${subIndication}): ${why.en}` : `Upload exactly one signature, not ${signatures}`,
    }, 'signature'),
  superseded: (newerDocumentId: string) =>
    new DomainError('SIGNING.SUPERSEDED', 'conflict', {
      vi: `Phiên bản này đã được thay bằng tài liệu ${newerDocumentId} trước khi ký xong; các bước ký còn lại đã hủy`,
      en: `This version was replaced by document ${newerDocumentId} before it was fully signed; its remaining signing steps were cancelled`,
    }, 'supersedesDocumentId'),
  signatureNotFound: () =>
    new DomainError('SIGNING.SIGNATURE_NOT_FOUND', 'not-found', {
      vi: 'Không có chữ ký thứ tự này của tài liệu',
      en: 'The document has no signature with this number',
    }, 'n'),
  renditionNotFound: (documentId: string) =>
    new DomainError('SIGNING.RENDITION_NOT_FOUND', 'not-found', {
      vi: `Không có bản PDF cho tài liệu ${documentId}`,
      en: `There is no PDF rendition for document ${documentId}`,
    }, 'id'),
  renditionNotSigned: (documentId: string) =>
    new DomainError('SIGNING.DOCUMENT_NOT_SIGNED', 'conflict', {
      vi: `Tài liệu ${documentId} chưa được ký đủ, chưa có bản PDF`,
      en: `Document ${documentId} is not fully signed yet, so it has no PDF`,
    }, 'id'),
};

/** Signers' roles as Vietnamese messages name them. */
const STEP_ROLE_VI: Record<string, string> = {
  'homeroom-teacher': 'giáo viên chủ nhiệm',
  'subject-teacher': 'giáo viên bộ môn',
  principal: 'hiệu trưởng',
  'authorised-signatory': 'người có thẩm quyền ký',
  'institution-seal': 'con dấu của đơn vị',
};
