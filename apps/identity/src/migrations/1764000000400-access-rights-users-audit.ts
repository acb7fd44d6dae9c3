import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** Client administration (rotation overlap, private_key_jwt, public clients), token-key retirement, users, audit. */
export class AccessRightsUsersAudit1764000000400 implements MigrationInterface {
  name = 'AccessRightsUsersAudit1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_clients
        ALTER COLUMN secret_hash DROP NOT NULL,
        ADD COLUMN auth_method text NOT NULL DEFAULT 'client_secret_basic',
        ADD COLUMN previous_secret_hash text,
        ADD COLUMN previous_secret_until timestamptz,
        ADD COLUMN jwks jsonb,
        ADD COLUMN redirect_uris text[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query('CREATE INDEX api_clients_org ON api_clients (org_code)');
    await q.query(`
      CREATE TABLE client_assertion_jtis (
        client_id text NOT NULL,
        jti text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, jti)
      )`);
    await q.query('CREATE INDEX client_assertion_jtis_expiry ON client_assertion_jtis (expires_at)');
    await q.query('ALTER TABLE token_keys ADD COLUMN retire_after timestamptz, ADD COLUMN retired_at timestamptz');
    await q.query(`
      CREATE TABLE users (
        user_id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        org_code text NOT NULL REFERENCES organisations (code),
        role text NOT NULL,
        person_id text,
        password_hash text NOT NULL,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE authorization_codes (
        code_hash text PRIMARY KEY,
        client_id text NOT NULL REFERENCES api_clients (client_id),
        user_id uuid NOT NULL REFERENCES users (user_id),
        redirect_uri text NOT NULL,
        code_challenge text NOT NULL,
        scopes text[] NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query('CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at)');
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor text NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
        subject text,
        org_code text,
        reason text,
        remote_address text,
        correlation_id text
      )`);
    await q.query('CREATE INDEX audit_log_actor ON audit_log (actor, id)');
    await q.query('CREATE INDEX audit_log_action ON audit_log (action, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'authorization_codes', 'users', 'client_assertion_jtis']) await q.query(`DROP TABLE ${t}`);
    await q.query('ALTER TABLE token_keys DROP COLUMN retire_after, DROP COLUMN retired_at');
    await q.query('DROP INDEX api_clients_org');
    await q.query(`
      ALTER TABLE api_clients
        DROP COLUMN auth_method, DROP COLUMN previous_secret_hash, DROP COLUMN previous_secret_until,
        DROP COLUMN jwks, DROP COLUMN redirect_uris, DROP COLUMN updated_at`);
  }
}
