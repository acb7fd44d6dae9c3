import { DomainError } from '@edu/errors';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { AuditActions, AuditLog, type AuditActor } from '../audit/audit-log.js';
import { ClientAuthenticator, type AuthenticatedClient } from '../clients/client-authenticator.js';
import { AccessTokens, type TokenGrant, type TokenResponse } from './access-tokens.js';
import { AuthorizationCodes } from './authorization-code/authorization-codes.js';
import { IssueTokenCommand } from './issue-token.command.js';

const invalidScope = (scope: string) =>
  new DomainError('IDENTITY.INVALID_SCOPE', 'invalid', {
    vi: `Ứng dụng không được cấp quyền ${scope}`,
    en: `The client may not request the ${scope} scope`,
  }, 'scope');

/**
 * The token endpoint's work. One transaction per request: what a request consumes (an assertion's jti, an
 * authorization code) commits with the audit row of its outcome, GRANTED or DENIED, so a refused request burns its
 * code or jti too. The caller then gets the refusal.
 */
@Injectable()
export class IssueTokenHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ClientAuthenticator) private readonly clients: ClientAuthenticator,
    @Inject(AuthorizationCodes) private readonly codes: AuthorizationCodes,
    @Inject(AccessTokens) private readonly tokens: AccessTokens,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(body: Record<string, unknown> | undefined, authorization: string | undefined, remoteAddress: string | null): Promise<TokenResponse> {
    const actor: AuditActor = { id: typeof body?.client_id === 'string' ? body.client_id.slice(0, 200) : 'anonymous', remoteAddress };
    const outcome = await this.dataSource.transaction(async (em) => {
      try {
        const command = IssueTokenCommand.from(body, authorization);
        actor.id = command.credentials.clientId;
        const client = await this.clients.authenticate(em, command.credentials);
        const grant = await this.grant(em, client, command);
        const token = await this.tokens.issue(grant);
        await this.audit.write(em, actor, { action: AuditActions.TokenGrant, outcome: 'GRANTED', subject: grant.sub, org: grant.org });
        return { token };
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const reason = (err as { reason?: string }).reason ?? err.code;
        await this.audit.write(em, actor, { action: AuditActions.TokenGrant, outcome: 'DENIED', subject: actor.id, reason });
        return { refused: err };
      }
    });
    if (outcome.refused) throw outcome.refused;
    return outcome.token;
  }

  private async grant(em: EntityManager, client: AuthenticatedClient, command: IssueTokenCommand): Promise<TokenGrant> {
    if (command.grant.type === 'authorization_code') return this.codes.redeem(em, client, command.grant);
    const scopes = command.grant.scope ?? client.scopes;
    const refused = scopes.find((s) => !client.scopes.includes(s));
    if (refused) throw invalidScope(refused);
    return { sub: client.clientId, clientId: client.clientId, org: client.org, role: client.role, scopes };
  }
}
