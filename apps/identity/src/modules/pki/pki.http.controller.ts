import { Public } from '@edu/auth';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CertificateAuthority } from './certificate-authority.js';

@ApiTags('pki')
@Controller('pki')
export class PkiHttpController {
  constructor(@Inject(CertificateAuthority) private readonly ca: CertificateAuthority) {}

  @Public()
  @Get('ca/chain.pem')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOkResponse({ description: 'The issuing CA and root CA certificates, PEM' })
  chain(): string {
    return this.ca.chainPems().join('');
  }
}
