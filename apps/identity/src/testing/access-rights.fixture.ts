import { OutboxWriter } from '@edu/messaging';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { stackEnv } from '../../../../test/support/stack.js';
import { loadIdentityConfig } from '../config.js';
import { IDENTITY_MIGRATIONS } from '../migrations/index.js';
import { AuditLog } from '../modules/audit/audit-log.js';
import { AssertionReplayGuard } from '../modules/clients/assertion-replay-guard.js';
import { ClientAssertionVerifier } from '../modules/clients/client-assertion.js';
import { ClientAuthenticator } from '../modules/clients/client-authenticator.js';
import { ClientRegistry } from '../modules/clients/client-registry.js';
import { SecretVerificationCache } from '../modules/clients/secret-verification-cache.js';
import { AccessTokens } from '../modules/tokens/access-tokens.js';
import { AuthorizationCodes } from '../modules/tokens/authorization-code/authorization-codes.js';
import { IssueTokenHandler } from '../modules/tokens/issue-token.handler.js';
import { TokenKeys } from '../modules/tokens/token-keys.js';

/**
 * Identity's access-rights pieces wired by hand on the real PostgreSQL, in a throwaway schema with two organisations:
 * what the integration specs drive.
 */
export async function openAccessRights() {
  const env = stackEnv();
  const schema = `itest_access_${randomUUID().slice(0, 8)}`;
  const config = loadIdentityConfig({ ...env, PORT: '8081' });
  const ds: DataSource = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 4 });
  await ds.query(`INSERT INTO organisations (code, name, level) VALUES ('31000101', 'Trường THPT Trần Phú', 'THPT'), ('31000000', 'Sở', 'SO')`);
  const audit = new AuditLog();
  const cache = new SecretVerificationCache(60_000);
  const keys = new TokenKeys(ds, config, audit);
  await keys.reload();
  const codes = new AuthorizationCodes();
  const authenticator = new ClientAuthenticator(new ClientAssertionVerifier(new AssertionReplayGuard(), config), cache);
  const handler = new IssueTokenHandler(ds, authenticator, codes, new AccessTokens(keys, config), audit);
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  return {
    ds,
    config,
    audit,
    keys,
    codes,
    handler,
    registry: new ClientRegistry(new OutboxWriter('identity'), audit, cache),
    operator: { id: 'operator-test', remoteAddress: '127.0.0.1' },
    /** A client-credentials token request with client_secret_basic. */
    grant: (id: string, secret: string) => handler.execute({ grant_type: 'client_credentials' }, basic(id, secret), '127.0.0.1'),
    auditRows: (subject: string) =>
      ds.query('SELECT actor, action, outcome, reason, remote_address FROM audit_log WHERE subject = $1 ORDER BY id', [subject]),
    close: async () => {
      await ds.query(`DROP SCHEMA ${schema} CASCADE`);
      await ds.destroy();
    },
  };
}

export type AccessRights = Awaited<ReturnType<typeof openAccessRights>>;
