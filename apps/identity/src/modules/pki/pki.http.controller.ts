import { Public } from '@edu/auth';
import { DomainError } from '@edu/errors';
import { Controller, Get, Header, HttpCode, Inject, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { X509Certificate } from 'node:crypto';
import { CertificateAuthority, type CaName } from './certificate-authority.js';
import { CrlPublisher } from './crl-publisher.js';
import { OcspResponder } from './ocsp-responder.js';
import { readRawBody } from '@edu/bootstrap';
import { TrustAnchorRegistry } from './trust-anchor-registry.js';

const OCSP_REQUEST_LIMIT = 64 * 1024;
const OCSP_GET_PREFIX = '/pki/ocsp/';

/** The PKI's public face (no token): CA certificates, CRLs, OCSP and the trust anchors signing relies on. */
@ApiTags('pki')
@Public()
@Controller('pki')
export class PkiHttpController {
  constructor(
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(CrlPublisher) private readonly crls: CrlPublisher,
    @Inject(OcspResponder) private readonly ocsp: OcspResponder,
    @Inject(TrustAnchorRegistry) private readonly anchors: TrustAnchorRegistry,
  ) {}

  @Get('ca/chain.pem')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOkResponse({ description: 'The issuing CA and root CA certificates, PEM' })
  chain(): string {
    return this.ca.chainPems().join('');
  }

  @Get('ca/issuing.cer')
  @ApiOkResponse({ description: 'The issuing CA certificate, DER (AIA caIssuers of end-entity certificates)' })
  issuingCertificate(): StreamableFile {
    return this.caCertificate('issuing');
  }

  @Get('ca/root.cer')
  @ApiOkResponse({ description: 'The root CA certificate, DER' })
  rootCertificate(): StreamableFile {
    return this.caCertificate('root');
  }

  @Get('crl/issuing.crl')
  @ApiOkResponse({ description: 'The issuing CA CRL (RFC 5280 v2), DER' })
  issuingCrl(): Promise<StreamableFile> {
    return this.crl('issuing');
  }

  @Get('crl/root.crl')
  @ApiOkResponse({ description: 'The root CA CRL, DER' })
  rootCrl(): Promise<StreamableFile> {
    return this.crl('root');
  }

  @Post('ocsp')
  @HttpCode(200)
  @ApiOkResponse({ description: 'OCSP (RFC 6960): body application/ocsp-request, answer application/ocsp-response' })
  async ocspPost(@Req() req: AsyncIterable<Buffer>): Promise<StreamableFile> {
    return ocspResponse(await this.ocsp.respond(await readRawBody(req, OCSP_REQUEST_LIMIT)));
  }

  @Get('ocsp/*request')
  @ApiOkResponse({ description: 'OCSP over GET: the DER request base64- then URL-encoded in the path (RFC 6960 A.1)' })
  async ocspGet(@Req() req: { originalUrl: string }): Promise<StreamableFile> {
    const encoded = req.originalUrl.slice(req.originalUrl.indexOf(OCSP_GET_PREFIX) + OCSP_GET_PREFIX.length).split('?')[0];
    let der: Buffer;
    try {
      der = Buffer.from(decodeURIComponent(encoded), 'base64');
    } catch {
      der = Buffer.alloc(0); // not URL-decodable: answered as a malformed request
    }
    return ocspResponse(await this.ocsp.respond(der));
  }

  @Get('trust-anchors.pem')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOkResponse({ description: 'The enabled external trust anchors, PEM, for validating signatures made with external certificates' })
  trustAnchors(): Promise<string> {
    return this.anchors.enabledPems();
  }

  private caCertificate(name: CaName): StreamableFile {
    const der = new X509Certificate(this.ca.signer(name).certPem).raw;
    return new StreamableFile(der, { type: 'application/pkix-cert', length: der.length });
  }

  private async crl(issuer: CaName): Promise<StreamableFile> {
    const latest = await this.crls.latest(issuer);
    if (!latest)
      throw new DomainError('IDENTITY.CRL_NOT_READY', 'unavailable', { vi: 'Danh sách thu hồi chưa được phát hành', en: 'The CRL has not been published yet' });
    return new StreamableFile(latest.der, { type: 'application/pkix-crl', length: latest.der.length });
  }
}

function ocspResponse(der: Buffer): StreamableFile {
  return new StreamableFile(der, { type: 'application/ocsp-response', length: der.length });
}
