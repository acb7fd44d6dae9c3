import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RecordPdfs } from './record-pdfs.js';

/** Renditions of signed records; interchange serves them to schools and the ministry at GET /v1/documents/{id}/pdf. */
@ApiTags('renditions')
@ApiBearerAuth()
@Controller('v1/renditions')
export class RenditionsHttpController {
  constructor(@Inject(RecordPdfs) private readonly pdfs: RecordPdfs) {}

  @Get(':documentId/pdf')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'The học bạ, invoice or contract as a PDF sealed with a PAdES signature (application/pdf)' })
  async pdf(@Param('documentId') documentId: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const pdf = await this.pdfs.pdf(documentId, principal);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${documentId}.pdf"` });
  }
}
