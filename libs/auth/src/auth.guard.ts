import {
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthErrors } from './auth-errors.js';
import type { Principal, Scope } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

const SCOPES_KEY = 'edu:scopes';
const PUBLIC_KEY = 'edu:public';

/** Marks a handler as needing these scopes (all of them). */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(SCOPES_KEY, scopes);
/** Marks a handler as open: health, JWKS, CA certificates. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller, set by the guard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);

/** Global guard: every HTTP route needs a valid token unless marked @Public(); @RequireScopes adds scope checks. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    // Only the HTTP edge is guarded here; Kafka handlers are internal and consume from the private broker.
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw AuthErrors.tokenMissing();
    const principal = await this.verifier.verify(match[1]);
    for (const scope of this.reflector.getAllAndOverride<Scope[]>(SCOPES_KEY, targets) ?? []) {
      if (!principal.scopes.includes(scope)) throw AuthErrors.scopeMissing(scope);
    }
    req.principal = principal;
    return true;
  }
}
