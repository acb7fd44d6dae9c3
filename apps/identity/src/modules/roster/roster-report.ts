import { stringify } from 'csv-stringify/sync';
import type { RosterImport } from './domain/roster-import.js';
import type { ReportedProblem, RosterImports } from './roster-imports.repository.js';

const PAGE = 5_000;
export const ROW_NUMBERING = 'row 1 is the first data row after the header; the header is row 0';

/** Every problem of an import, a page at a time (the report of a bad province-wide file may be large). */
async function* pages(imports: RosterImports, id: string): AsyncGenerator<ReportedProblem[]> {
  let after: { row: number; id: string } | null = null;
  for (;;) {
    const page = await imports.problems(id, after, PAGE);
    if (page.length) yield page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { row: last.row, id: last.id };
  }
}

/** The summary every view of an import shows. */
export const importSummary = (imp: RosterImport) => ({
  id: imp.id,
  kind: imp.kind,
  mode: imp.mode,
  status: imp.status,
  rows: { read: imp.rowsRead, valid: imp.rowsValid, applied: imp.rowsApplied, unchanged: imp.rowsUnchanged },
  problemCount: imp.problemCount,
  failure: imp.failure,
  createdAt: imp.createdAt,
  finishedAt: imp.finishedAt,
});

const reported = (p: ReportedProblem) => ({ row: p.row, field: p.field, code: p.code, message: p.message });

/** report.csv: UTF-8 with a BOM, so that a spreadsheet shows the Vietnamese messages correctly. */
export async function* reportCsv(imports: RosterImports, id: string): AsyncGenerator<string> {
  yield `\uFEFF${stringify([['row', 'field', 'code', 'message_vi', 'message_en']])}`;
  for await (const page of pages(imports, id)) yield stringify(page.map((p) => [p.row, p.field ?? '', p.code, p.message.vi, p.message.en]));
}

/** report.json: the summary, then every problem. */
export async function* reportJson(imports: RosterImports, imp: RosterImport): AsyncGenerator<string> {
  const head = JSON.stringify({ ...importSummary(imp), rowNumbering: ROW_NUMBERING });
  yield `${head.slice(0, -1)},"problems":[`;
  let first = true;
  for await (const page of pages(imports, imp.id)) {
    yield `${first ? '' : ','}${page.map((p) => JSON.stringify(reported(p))).join(',')}`;
    first = false;
  }
  yield ']}';
}

/** The first problems, for the status view. */
export async function firstProblems(imports: RosterImports, id: string, limit = 20) {
  return (await imports.problems(id, null, limit)).map(reported);
}
