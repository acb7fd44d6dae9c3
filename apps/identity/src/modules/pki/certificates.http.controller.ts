import { CurrentPrincipal, type Principal } from '@edu/auth';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CertificateQueries, serialParam, type ListQuery } from './certificate-queries.js';
import { IssueCertificateCommand, RenewCertificateCommand, RevokeCertificateCommand } from './certificate-requests.js';
import { IssueCertificateHandler } from './issue-certificate.handler.js';
import { RenewCertificateHandler } from './renew-certificate.handler.js';
import { RevokeCertificateHandler } from './revoke-certificate.handler.js';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('v1/certificates')
export class CertificatesHttpController {
  constructor(
    @Inject(IssueCertificateHandler) private readonly issue: IssueCertificateHandler,
    @Inject(RenewCertificateHandler) private readonly renew: RenewCertificateHandler,
    @Inject(RevokeCertificateHandler) private readonly revoke: RevokeCertificateHandler,
    @Inject(CertificateQueries) private readonly queries: CertificateQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'Certificate issued from a CSR {profile: person|seal|tsa|ocsp, orgCode, personId?, csrPem}' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.issue.execute(principal, IssueCertificateCommand.from(body));
  }

  @Get()
  @ApiOkResponse({ description: 'Certificates by serial, filtered by ?org= and ?status=valid|revoked|expired; page with ?after=<serial>&limit=' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQuery) {
    return this.queries.list(principal, query);
  }

  @Get(':serial')
  @ApiOkResponse({ description: 'One certificate: PEM, chain and status' })
  get(@CurrentPrincipal() principal: Principal, @Param('serial') serial: string) {
    return this.queries.get(principal, serial);
  }

  @Post(':serial/renewal')
  @ApiCreatedResponse({ description: 'The successor certificate {csrPem?}; the old one stays valid until it expires or is revoked' })
  renewal(@CurrentPrincipal() principal: Principal, @Param('serial') serial: string, @Body() body: unknown) {
    return this.renew.execute(principal, serialParam(serial), RenewCertificateCommand.from(body));
  }

  @Post(':serial/revocation')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Revoked {reason: RFC 5280 CRLReason name, invalidityDate?}' })
  revocation(@CurrentPrincipal() principal: Principal, @Param('serial') serial: string, @Body() body: unknown) {
    return this.revoke.execute(principal, serialParam(serial), RevokeCertificateCommand.from(body));
  }
}
