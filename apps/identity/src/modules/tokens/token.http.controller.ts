import { Public } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IssueTokenHandler } from './issue-token.handler.js';
import { TokenKeys } from './token-keys.js';

@ApiTags('oauth2')
@Controller()
export class TokenHttpController {
  constructor(
    @Inject(IssueTokenHandler) private readonly issue: IssueTokenHandler,
    @Inject(TokenKeys) private readonly keys: TokenKeys,
  ) {}

  @Public()
  @Post('oauth2/token')
  @HttpCode(200)
  @ApiOkResponse({ description: 'An ES256 access token: client_credentials (client_secret_basic or private_key_jwt) or authorization_code with PKCE' })
  token(
    @Req() req: { ip?: string; is(type: string): string | false | null },
    @Body() body: Record<string, unknown>,
    @Headers('authorization') authorization?: string,
  ) {
    if (!req.is('application/x-www-form-urlencoded')) throw CommonErrors.unsupportedMediaType('application/x-www-form-urlencoded');
    return this.issue.execute(body, authorization, req.ip ?? null);
  }

  @Public()
  @Get('.well-known/jwks.json')
  @ApiOkResponse({ description: 'Every key whose tokens may still be live: the signing key and, after a rotation, the previous one' })
  jwks() {
    return this.keys.publicJwks();
  }
}
