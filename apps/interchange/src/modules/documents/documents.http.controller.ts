import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { ObjectStore } from '@edu/storage';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DOCUMENT_TYPES, isDocumentTypeName } from './domain/index.js';
import { InterchangeErrors } from './interchange-errors.js';
import { DocumentRepository } from './read-documents/document.repository.js';
import { SigningReads } from './read-documents/signing-reads.js';
import { SubmitDocumentCommand } from './submit-document/submit-document.command.js';
import { SubmitDocumentHandler } from './submit-document/submit-document.handler.js';

interface RawResponse {
  status(code: number): RawResponse;
  setHeader(name: string, value: string): void;
  send(body: Buffer | string): void;
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/documents')
export class DocumentsHttpController {
  constructor(
    @Inject(SubmitDocumentHandler) private readonly submit: SubmitDocumentHandler,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(SigningReads) private readonly signing: SigningReads,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireScopes(Scopes.DocumentsSubmit)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiAcceptedResponse({ description: '{ id, status, version }' })
  async create(
    @Req() req: { is(type: string): string | false | null },
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!req.is('application/json')) throw CommonErrors.unsupportedMediaType('application/json');
    const receipt = await this.submit.execute(SubmitDocumentCommand.from(body, idempotencyKey, principal));
    return { id: receipt.id, status: receipt.status, version: receipt.version };
  }

  @Get(':id')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'Status, signatures and archive facts' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.documents.view(id, principal);
  }

  @Get(':id/content')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'The canonical (RFC 8785) bytes that were signed' })
  async content(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Res() res: RawResponse) {
    const row = await this.documents.row(id, principal);
    const bytes = (row.content as Buffer | null) ?? (await this.store.get(row.content_bucket as string, row.content_key as string, (row.content_version_id as string) || undefined));
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Digest', `sha-256=${Buffer.from(row.content_sha256 as string, 'hex').toString('base64')}`);
    res.status(200).send(bytes);
  }

  /** Signatures recorded before signing served them were kept here; the others come from signing, as it made them. */
  @Get(':id/signatures/:n')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'The n-th signature (from 1), DER CMS' })
  async signature(
    @Param('id') id: string,
    @Param('n') n: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('authorization') authorization: string,
    @Res() res: RawResponse,
  ) {
    if (!/^[1-9]\d{0,2}$/.test(n)) throw InterchangeErrors.signatureNotFound();
    const kept = await this.documents.signature(id, Number(n), principal);
    const answer = kept ? { status: 200, contentType: 'application/pkcs7-signature', body: kept } : await this.signing.signature(id, Number(n), authorization);
    res.setHeader('Content-Type', answer.contentType);
    if (answer.status === 200) res.setHeader('Content-Disposition', `attachment; filename="${id}-${n}.p7s"`);
    res.status(answer.status).send(answer.body);
  }

  /**
   * A PDF a person can read, sealed by the institution (PAdES): the học bạ rendered from its content, or an invoice's
   * or contract's uploaded PDF. Signing makes it on the first request, with the caller's own token, and keeps it.
   */
  @Get(':id/pdf')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'The học bạ, invoice or contract as a sealed PDF (application/pdf, PAdES)' })
  async pdf(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Headers('authorization') authorization: string, @Res() res: RawResponse) {
    const row = await this.documents.row(id, principal);
    const type = row.document_type as string;
    if (!isDocumentTypeName(type) || !DOCUMENT_TYPES[type].hasPdf) throw InterchangeErrors.noPdf(type);
    if (row.status !== 'signed' && row.status !== 'archived') throw InterchangeErrors.notSignedYet();
    const rendition = await this.signing.pdf(id, authorization);
    res.setHeader('Content-Type', rendition.contentType);
    if (rendition.contentType === 'application/pdf') res.setHeader('Content-Disposition', `inline; filename="${id}.pdf"`);
    res.status(rendition.status).send(rendition.body);
  }

  @Get(':id/evidence')
  @RequireScopes(Scopes.DocumentsRead)
  @ApiOkResponse({ description: 'The archival container (ASiC-S)' })
  async evidence(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Res() res: RawResponse) {
    const row = await this.documents.row(id, principal);
    if (!row.archive_key) throw InterchangeErrors.notArchivedYet();
    const bytes = await this.store.get(row.archive_bucket as string, row.archive_key as string, row.archive_version_id as string);
    res.setHeader('Content-Type', 'application/vnd.etsi.asic-s+zip');
    res.setHeader('Content-Disposition', `attachment; filename="${id}.asics"`);
    res.status(200).send(bytes);
  }
}
