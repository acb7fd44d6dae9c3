import { RequireScopes, Scopes } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SealDirectory, type SealStatus } from './seal-directory.js';

/** Operators' view of which institutions can sign. */
@ApiTags('seals')
@ApiBearerAuth()
@RequireScopes(Scopes.Operations)
@Controller('v1/seals')
export class SealsHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SealDirectory) private readonly directory: SealDirectory,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Seal status per organisation (operators only)' })
  async list(): Promise<SealStatus[]> {
    return this.directory.listSeals(this.dataSource.manager);
  }
}
