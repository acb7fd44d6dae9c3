import { RequireScopes, Scopes } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SigningErrors } from '../../signing-errors.js';
import { needsSeal } from './institution.js';
import { SealDirectory, type SealStatus } from './seal-directory.js';
import { SealKeyRequests } from './seal-key-requests.js';

/** Operators' view of which institutions can sign. */
@ApiTags('seals')
@ApiBearerAuth()
@RequireScopes(Scopes.Operations)
@Controller('v1/seals')
export class SealsHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(SealKeyRequests) private readonly requests: SealKeyRequests,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Seal status per organisation (operators only)' })
  async list(): Promise<SealStatus[]> {
    return this.directory.listSeals(this.dataSource.manager);
  }

  /**
   * A new seal key for an institution, after a revocation or for a planned rotation: the key is made in custody and
   * identity certifies it; once certified it replaces the current seal.
   */
  @Post(':org/rotation')
  @HttpCode(202)
  @ApiOperation({ summary: 'Create a new seal key for an institution and have it certified (operators only)' })
  async rotate(@Param('org') orgCode: string): Promise<{ org: string; keyId: string; status: 'PENDING' }> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`seal-rotation|${orgCode}`]);
      const org = await this.directory.findOrganisation(em, orgCode);
      if (!org) throw SigningErrors.organisationUnknown(orgCode);
      if (!needsSeal(org)) throw SigningErrors.noSealForOrganisation(orgCode);
      if (await this.directory.hasPendingKey(em, orgCode)) throw SigningErrors.sealRotationPending(orgCode);
      return { org: orgCode, keyId: await this.requests.request(em, orgCode), status: 'PENDING' as const };
    });
  }
}
