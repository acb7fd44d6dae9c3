import { isUuid } from '@edu/contracts';
import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { Controller, Get, HttpCode, Inject, Logger, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { RosterErrors } from './domain/roster-errors.js';
import type { RosterImport } from './domain/roster-import.js';
import { ImportRosterCommand } from './import-roster.command.js';
import { RosterImportWorker } from './import/roster-import-worker.js';
import { RosterImports } from './roster-imports.repository.js';
import { firstProblems, importSummary, reportCsv, reportJson, ROW_NUMBERING } from './roster-report.js';
import { RosterUploads } from './staging/roster-uploads.js';


/** The Sở's operators import the province roster (students, staff, teaching assignments) and follow each import. */
@ApiTags('roster')
@ApiBearerAuth()
@RequireScopes(Scopes.Operations)
@Controller('v1/roster-imports')
export class RosterImportsHttpController {
  private readonly logger = new Logger('RosterImports');

  constructor(
    @Inject(RosterUploads) private readonly uploads: RosterUploads,
    @Inject(RosterImports) private readonly imports: RosterImports,
    @Inject(RosterImportWorker) private readonly worker: RosterImportWorker,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiQuery({ name: 'kind', required: false, enum: ['students', 'teachers', 'assignments'] })
  @ApiQuery({ name: 'mode', required: false, enum: ['all-or-nothing', 'accept-valid'] })
  @ApiAcceptedResponse({ description: '{ id, status: RECEIVED }: the file is stored; validation and application follow' })
  async create(@Req() req: IncomingMessage, @Query() query: { kind?: string; mode?: string }, @CurrentPrincipal() principal: Principal) {
    const command = ImportRosterCommand.from(query, req.headers['content-type']);
    const t0 = performance.now();
    const { id, rowsRead } = await this.uploads.receive(req, command.kind, command.mode, principal);
    this.logger.log(`roster import ${id}: received ${rowsRead} ${command.kind} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    this.worker.nudge();
    return { id, status: 'RECEIVED', rowsRead, links: { self: `/v1/roster-imports/${id}`, report: `/v1/roster-imports/${id}/report.json` } };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'Status (RECEIVED, VALIDATING, APPLYING, DONE, REJECTED, FAILED), row counts and the first problems' })
  async status(@Param('id') id: string) {
    const imp = await this.find(id);
    return { ...importSummary(imp), rowNumbering: ROW_NUMBERING, problems: await firstProblems(this.imports, id) };
  }

  @Get(':id/report.csv')
  @ApiOkResponse({ description: 'Every problem: row, field, code, message_vi, message_en (CSV, UTF-8 with BOM)' })
  async reportCsv(@Param('id') id: string): Promise<StreamableFile> {
    await this.find(id);
    return new StreamableFile(Readable.from(reportCsv(this.imports, id)), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="roster-import-${id}.csv"`,
    });
  }

  @Get(':id/report.json')
  @ApiOkResponse({ description: 'The summary and every problem (JSON)' })
  async reportJson(@Param('id') id: string): Promise<StreamableFile> {
    const imp = await this.find(id);
    return new StreamableFile(Readable.from(reportJson(this.imports, imp)), { type: 'application/json; charset=utf-8' });
  }

  private async find(id: string): Promise<RosterImport> {
    const imp = isUuid(id) ? await this.imports.find(id) : null;
    if (!imp) throw RosterErrors.notFound(id);
    return imp;
  }
}
