import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CloseOrganisationHandler } from './close-organisation.handler.js';
import { CreateOrganisationHandler } from './create-organisation.handler.js';
import { readCsvBody, type CsvRequest } from './csv-body.js';
import { ImportOrganisationsHandler } from './import-organisations.handler.js';
import { MergeOrganisationHandler } from './merge-organisation.handler.js';
import { OrganisationQueries, readListFilter } from './organisation-queries.js';
import { readCloseRequest, readCreateRequest, readMergeRequest, readUpdateRequest } from './organisation-requests.js';
import { UpdateOrganisationHandler } from './update-organisation.handler.js';

const CSV_LIMIT_BYTES = 4 * 1024 * 1024;

/** The organisation registry: operators write (scope `operations`), every authenticated client reads. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('v1/organisations')
export class OrganisationsHttpController {
  constructor(
    @Inject(CreateOrganisationHandler) private readonly creator: CreateOrganisationHandler,
    @Inject(UpdateOrganisationHandler) private readonly updater: UpdateOrganisationHandler,
    @Inject(MergeOrganisationHandler) private readonly merger: MergeOrganisationHandler,
    @Inject(CloseOrganisationHandler) private readonly closer: CloseOrganisationHandler,
    @Inject(ImportOrganisationsHandler) private readonly importer: ImportOrganisationsHandler,
    @Inject(OrganisationQueries) private readonly queries: OrganisationQueries,
  ) {}

  @Post()
  @RequireScopes(Scopes.Operations)
  @ApiCreatedResponse({ description: 'The new organisation (status ACTIVE, version 1)' })
  create(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.creator.execute(readCreateRequest(body), principal.clientId);
  }

  @Post('imports')
  @HttpCode(200)
  @RequireScopes(Scopes.Operations)
  @ApiOkResponse({ description: 'organisations.csv applied all or nothing: { rows, created, updated, unchanged }; 422 lists every problem' })
  async import(@Req() req: CsvRequest, @CurrentPrincipal() principal: Principal) {
    return this.importer.execute(await readCsvBody(req, CSV_LIMIT_BYTES), principal.clientId);
  }

  @Get()
  @ApiOkResponse({ description: '{ items, next }: filters parent, level, status, q (name or code); pages by `after` and `limit`' })
  list(@Query() query: Record<string, unknown>) {
    return this.queries.list(readListFilter(query));
  }

  @Get(':code')
  @ApiOkResponse({ description: 'The organisation and every version of it' })
  get(@Param('code') code: string) {
    return this.queries.get(code);
  }

  @Patch(':code')
  @RequireScopes(Scopes.Operations)
  @ApiOkResponse({ description: 'The organisation after the change (name, address, parentCode)' })
  update(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.updater.execute(code, readUpdateRequest(body), principal.clientId);
  }

  @Post(':code/merge')
  @HttpCode(200)
  @RequireScopes(Scopes.Operations)
  @ApiOkResponse({ description: 'The merged organisation (status MERGED, mergedInto); its active children moved to the target' })
  merge(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.merger.execute(code, readMergeRequest(body).into, principal.clientId);
  }

  @Post(':code/close')
  @HttpCode(200)
  @RequireScopes(Scopes.Operations)
  @ApiOkResponse({ description: 'The closed organisation' })
  close(@Param('code') code: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.closer.execute(code, readCloseRequest(body).reason, principal.clientId);
  }
}
