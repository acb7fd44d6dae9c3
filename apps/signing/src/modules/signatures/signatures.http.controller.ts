import { isUuid } from '@edu/contracts';
import { canReadIssuer, CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SigningErrors } from '../../signing-errors.js';
import { SignatureRecords } from './signature-records.js';


/**
 * The signatures signing made, as it made them: interchange serves them to schools and the ministry at
 * GET /v1/documents/{id}/signatures/{n}, with the caller's own token, so the same scope and issuer checks apply here.
 */
@ApiTags('signatures')
@ApiBearerAuth()
@Controller('v1/signatures')
export class SignaturesHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SignatureRecords) private readonly records: SignatureRecords,
  ) {}

  @Get(':documentId/:n')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'The n-th signature over the document (from 1), DER CMS (application/pkcs7-signature)' })
  async signature(@Param('documentId') documentId: string, @Param('n') n: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const index = Number(n);
    if (!isUuid(documentId) || !Number.isInteger(index) || index < 1 || index > 100) throw SigningErrors.signatureNotFound();
    const found = await this.records.one(this.dataSource.manager, documentId, index);
    // Another school's signature is "not found", as interchange answers: its existence is not ours to reveal.
    if (!found || !canReadIssuer(principal, found.issuerCode)) throw SigningErrors.signatureNotFound();
    return new StreamableFile(found.cms, { type: 'application/pkcs7-signature', disposition: `attachment; filename="${documentId}-${index}.p7s"` });
  }
}
