import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { StaffRegistry } from '../../people/staff-registry.js';
import { StudentEnrolments } from '../../people/student-enrolments.js';
import type { RowSource, WriteOutcome } from '../../people/student.js';
import { TeacherAssignments } from '../../people/teacher-assignments.js';
import type { RosterImport } from '../domain/roster-import.js';
import { ROSTER_ROWS } from '../domain/roster-kinds.js';
import type { RosterKindName } from '../domain/roster-rows.js';
import { RosterImports } from '../roster-imports.repository.js';
import { dropStagingSql, stagingTable } from '../staging/staging-table.js';

/** Progress is written every this many announced rows. */
const PROGRESS_EVERY = 50_000;

type Writer = (em: EntityManager, source: RowSource, correlationId: string, onProgress: (n: number) => unknown) => Promise<WriteOutcome>;

/**
 * Applies an import's valid rows set-based and marks it DONE in one transaction: a crash leaves nothing applied, and
 * the worker applies it again on restart. Progress (rows announced so far) is written outside the transaction, so
 * that it can be watched while the transaction runs.
 */
@Injectable()
export class ApplyRosterImport {
  private readonly writers: Record<RosterKindName, Writer>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RosterImports) private readonly imports: RosterImports,
    @Inject(StudentEnrolments) students: StudentEnrolments,
    @Inject(StaffRegistry) staff: StaffRegistry,
    @Inject(TeacherAssignments) assignments: TeacherAssignments,
  ) {
    this.writers = {
      students: (em, source, correlationId, onProgress) => students.enrolFrom(em, source, correlationId, onProgress),
      teachers: (em, source, correlationId, onProgress) => staff.registerFrom(em, source, correlationId, onProgress),
      assignments: (em, source, correlationId, onProgress) => assignments.assignFrom(em, source, correlationId, onProgress),
    };
  }

  async execute(imp: RosterImport): Promise<void> {
    const table = stagingTable(imp.id);
    const source = { sql: `SELECT ${ROSTER_ROWS[imp.kind].columns.join(', ')} FROM ${table} WHERE valid`, params: [] };
    let reported = 0;
    const onProgress = async (applied: number) => {
      if (applied - reported < PROGRESS_EVERY) return;
      reported = applied;
      await this.imports.update(imp.id, { rows_applied: applied });
    };
    await this.dataSource.transaction(async (em) => {
      const { changed } = await this.writers[imp.kind](em, source, imp.correlationId, onProgress);
      await this.imports.update(imp.id, { status: 'DONE', rows_applied: changed, rows_unchanged: (imp.rowsValid ?? 0) - changed }, em);
      await em.query(dropStagingSql(table));
    });
  }
}
