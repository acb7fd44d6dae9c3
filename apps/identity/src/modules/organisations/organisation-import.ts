import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { ImportRejected, type ImportProblem } from './import-rejected.js';
import { differs, type Organisation, type OrganisationDraft } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { OrganisationJournal } from './organisation-journal.js';
import { LEVEL_RANK, parentProblem } from './organisation-rules.js';
import { OrganisationRepository } from './organisation.repository.js';
import { csvProblem, type DraftRow } from './organisations-csv.js';

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Applies organisations.csv rows in the caller's transaction, all or nothing: a row for an unknown code creates the
 * organisation, a row that differs updates it, an identical row changes nothing and emits nothing. Parents may come
 * later in the file. Every problem is collected before anything is written.
 */
@Injectable()
export class OrganisationImport {
  constructor(
    @Inject(OrganisationRepository) private readonly repo: OrganisationRepository,
    @Inject(OrganisationJournal) private readonly journal: OrganisationJournal,
  ) {}

  async apply(em: EntityManager, rows: DraftRow[], actor: string, earlier: ImportProblem[] = []): Promise<ImportSummary> {
    // Imports are rare and touch many rows: one at a time, so that two of them cannot deadlock.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.organisations.import'))`);
    const problems = [...earlier];
    const inFile = new Map(rows.map((r) => [r.draft.code, r.draft]));
    const codes = new Set(rows.flatMap((r) => (r.draft.parentCode ? [r.draft.code, r.draft.parentCode] : [r.draft.code])));
    const stored = await this.repo.findMany(em, [...codes]);
    const creates: Organisation[] = [];
    const updates: Organisation[] = [];
    for (const { row, draft } of rows) {
      const existing = stored.get(draft.code);
      if (existing && !differs(existing, draft)) continue;
      const problem = existing && existing.level !== draft.level
        ? OrganisationErrors.levelFixed(draft.code, existing.level)
        : existing && existing.status !== 'ACTIVE'
          ? OrganisationErrors.notActive(draft.code, existing.status)
          : parentProblem(draft.level, draft.parentCode, this.parentOf(draft.parentCode, stored, inFile));
      if (problem) problems.push(csvProblem(row, problem));
      else if (existing) updates.push({ ...existing, ...draft, version: existing.version + 1 });
      else creates.push({ ...draft, status: 'ACTIVE', mergedInto: null, version: 1 });
    }
    if (problems.length) throw new ImportRejected(problems.sort((a, b) => a.row - b.row));

    creates.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    const taken = await this.repo.insertMany(em, creates);
    if (taken.length) {
      const rowOf = new Map(rows.map((r) => [r.draft.code, r.row]));
      throw new ImportRejected(taken.map((code) => csvProblem(rowOf.get(code) ?? 0, OrganisationErrors.codeTaken(code))));
    }
    await this.repo.updateMany(em, updates);
    await this.journal.record(em, [
      ...creates.map((org) => ({ org, change: 'CREATED' as const })),
      ...updates.map((org) => ({ org, change: 'UPDATED' as const })),
    ], actor);
    return { rows: rows.length, created: creates.length, updated: updates.length, unchanged: rows.length - creates.length - updates.length };
  }

  /** The parent as it will be: stored (with its status), or created by this same file. */
  private parentOf(code: string | null, stored: Map<string, Organisation>, inFile: Map<string, OrganisationDraft>) {
    if (!code) return undefined;
    const known = stored.get(code);
    if (known) return known;
    const planned = inFile.get(code);
    return planned && { level: planned.level, status: 'ACTIVE' as const };
  }
}
