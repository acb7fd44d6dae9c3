import { Public, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@edu/auth';
import { CommonErrors, DomainError } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { ClientRegistry } from '../clients/client-registry.js';
import { IssueTokenCommand } from './issue-token.command.js';
import { TokenKeys } from './token-keys.js';

@ApiTags('oauth2')
@Controller()
export class TokenHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TokenKeys) private readonly keys: TokenKeys,
    @Inject(ClientRegistry) private readonly clients: ClientRegistry,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  @Public()
  @Post('oauth2/token')
  @HttpCode(200)
  @ApiOkResponse({ description: 'An ES256 access token (client credentials grant)' })
  async token(
    @Req() req: { is(type: string): string | false | null },
    @Body() body: Record<string, unknown>,
    @Headers('authorization') authorization?: string,
  ) {
    if (!req.is('application/x-www-form-urlencoded')) throw CommonErrors.unsupportedMediaType('application/x-www-form-urlencoded');
    const command = IssueTokenCommand.from(body, authorization);
    const client = await this.clients.authenticate(this.dataSource.manager, command.clientId, command.clientSecret);
    const scopes = command.scope ?? client.scopes;
    const refused = scopes.find((s) => !client.scopes.includes(s));
    if (refused)
      throw new DomainError('IDENTITY.INVALID_SCOPE', 'invalid', {
        vi: `Ứng dụng không được cấp quyền ${refused}`,
        en: `The client may not request the ${refused} scope`,
      }, 'scope');
    const { kid, privateKey } = this.keys.current();
    const accessToken = await new SignJWT({ org: client.org, role: client.role, scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(client.clientId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.config.TOKEN_TTL_SECONDS}s`)
      .sign(privateKey);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.config.TOKEN_TTL_SECONDS, scope: scopes.join(' ') };
  }

  @Public()
  @Get('.well-known/jwks.json')
  jwks() {
    return this.keys.publicJwks();
  }
}
