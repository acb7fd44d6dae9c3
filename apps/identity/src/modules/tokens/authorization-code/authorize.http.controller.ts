import { Public, ROLE_SCOPES } from '@edu/auth';
import { CommonErrors, DomainError, HTTP_STATUS } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserErrors } from '../../users/user-errors.js';
import { UserLogin } from '../../users/user-login.js';
import { AuthorizationCodes } from './authorization-codes.js';
import { AuthorizeRedirect, AuthorizeRequest } from './authorize-request.js';
import { errorPage, loginPage, PAGE_HEADERS } from './login-page.js';

interface PageResponse {
  status(code: number): PageResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
  redirect(status: number, url: string): void;
}

/**
 * The authorization endpoint (RFC 6749 §4.1 with PKCE) for the console: a sign-in page, then a redirect back to the
 * client with a one-time code. Refusals before the redirect URI is known to be the client's are shown here, never sent.
 */
@ApiTags('oauth2')
@Controller('oauth2/authorize')
export class AuthorizeHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UserLogin) private readonly login: UserLogin,
    @Inject(AuthorizationCodes) private readonly codes: AuthorizationCodes,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The sign-in page (response_type=code, client_id, redirect_uri, scope, state, code_challenge, code_challenge_method=S256)' })
  form(@Query() query: Record<string, unknown>, @Res() res: PageResponse) {
    return this.respond(res, async () => {
      const request = await AuthorizeRequest.resolve(this.dataSource.manager, query);
      this.page(res, 200, loginPage(request.fields()));
    });
  }

  @Public()
  @Post()
  @ApiExcludeEndpoint()
  submit(@Req() req: { ip?: string; is(type: string): string | false | null }, @Body() body: Record<string, unknown>, @Res() res: PageResponse) {
    return this.respond(res, async () => {
      if (!req.is('application/x-www-form-urlencoded')) throw CommonErrors.unsupportedMediaType('application/x-www-form-urlencoded');
      const request = await AuthorizeRequest.resolve(this.dataSource.manager, body);
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      let user;
      try {
        if (!username || !password) throw UserErrors.loginFailed();
        user = await this.login.signIn(username, password, req.ip ?? null);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return this.page(res, HTTP_STATUS[err.kind], loginPage(request.fields(), { username, error: err.text }));
      }
      const allowed: string[] = ROLE_SCOPES[user.role];
      const code = await this.codes.issue(this.dataSource.manager, {
        clientId: request.clientId,
        userId: user.userId,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        scopes: request.scopes ? request.scopes.filter((s) => allowed.includes(s)) : allowed,
      });
      res.redirect(303, request.redirectWith({ code }));
    });
  }

  private async respond(res: PageResponse, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (err instanceof AuthorizeRedirect) return res.redirect(303, err.location);
      if (err instanceof DomainError) return this.page(res, HTTP_STATUS[err.kind], errorPage(err));
      throw err;
    }
  }

  private page(res: PageResponse, status: number, html: string): void {
    for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
    res.status(status).send(html);
  }
}
