import { DomainError, type ErrorBody, type LocalizedMessage } from '@edu/errors';

/** One problem of an import: the spreadsheet row (the header is row 1), the column, a stable code and the message. */
export interface ImportProblem {
  row: number;
  field: string | null;
  code: string;
  message: LocalizedMessage;
}

export function problemAt(row: number, error: DomainError, field = error.field): ImportProblem {
  return { row, field, code: error.code, message: error.text };
}

/** An all-or-nothing import that changed nothing, with every problem found (HTTP 422). */
export class ImportRejected extends DomainError {
  constructor(readonly problems: ImportProblem[]) {
    super('IDENTITY.IMPORT_REJECTED', 'unprocessable', {
      vi: `Không nhập tệp: ${problems.length} lỗi, không có thay đổi nào được ghi`,
      en: `The file was not imported: ${problems.length} problem(s), nothing was changed`,
    }, 'body');
  }

  override toBody(): ErrorBody & { problems: ImportProblem[] } {
    return { ...super.toBody(), problems: this.problems };
  }
}
