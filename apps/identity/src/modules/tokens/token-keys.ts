import { openPrivateKey, sealPrivateKey } from '@edu/crypto';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { exportJWK, type JWK } from 'jose';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { AuditActions, AuditLog, SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log.js';

type Config = Pick<IdentityConfig, 'EDU_KEK' | 'TOKEN_TTL_SECONDS' | 'TOKEN_KEYS_RELOAD_SECONDS'>;
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('identity.token_keys'))`;
/** Beyond the token lifetime and one reload period, for clocks and requests in flight. */
const RETIREMENT_MARGIN_SECONDS = 60;

/**
 * The ES256 keys that sign access tokens, sealed under the KEK at rest. The newest active key signs. A rotation makes
 * a new key and schedules the previous ones for retirement once every token they signed has expired (token lifetime
 * + one reload period, during which another instance may still sign with the old key, + a margin); until then they
 * stay in the JWKS. Every instance reloads periodically: it picks up a rotation made elsewhere and retires keys due.
 */
@Injectable()
export class TokenKeys implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TokenKeys.name);
  private signingKey?: { kid: string; privateKey: KeyObject };
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: Config,
    @Inject(AuditLog) private readonly audit: AuditLog = new AuditLog(),
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => this.reload().catch((err) => this.logger.error(`token key reload failed: ${err}`)), this.config.TOKEN_KEYS_RELOAD_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Retires keys that are due, makes the first key if there is none, and takes the newest as the signer. */
  async reload(): Promise<void> {
    const newest = await this.dataSource.transaction(async (em) => {
      await em.query(LOCK);
      const [retired]: [Array<{ kid: string }>] = await em.query(
        'UPDATE token_keys SET active = false, retired_at = now() WHERE active AND retire_after <= now() RETURNING kid',
      );
      for (const { kid } of retired)
        await this.audit.write(em, SYSTEM_ACTOR, { action: AuditActions.TokenKeyRetirement, outcome: 'GRANTED', subject: kid });
      const [row] = await em.query('SELECT kid, key_envelope FROM token_keys WHERE active ORDER BY created_at DESC, kid LIMIT 1');
      return row ?? (await this.insertKey(em));
    });
    if (this.signingKey?.kid !== newest.kid)
      this.signingKey = { kid: newest.kid, privateKey: openPrivateKey(newest.key_envelope, this.config.EDU_KEK) };
  }

  /** A new signing key from now on; the previous ones are published until their tokens have expired. */
  async rotate(actor: AuditActor): Promise<{ kid: string; previousRetireAfter: Date | null }> {
    const result = await this.audit.administer(this.dataSource, actor, { action: AuditActions.TokenKeyRotation }, async (em) => {
      await em.query(LOCK);
      const overlap = this.config.TOKEN_TTL_SECONDS + this.config.TOKEN_KEYS_RELOAD_SECONDS + RETIREMENT_MARGIN_SECONDS;
      const [previous]: [Array<{ retire_after: Date }>] = await em.query(
        'UPDATE token_keys SET retire_after = now() + make_interval(secs => $1) WHERE active AND retire_after IS NULL RETURNING retire_after',
        [overlap],
      );
      const { kid } = await this.insertKey(em);
      await this.audit.write(em, actor, { action: AuditActions.TokenKeyRotation, outcome: 'GRANTED', subject: kid });
      return { kid, previousRetireAfter: previous[0]?.retire_after ?? null };
    });
    await this.reload();
    return result;
  }

  current(): { kid: string; privateKey: KeyObject } {
    if (!this.signingKey) throw new Error('token keys not loaded');
    return this.signingKey;
  }

  /** Read from the database, so every instance publishes a key the moment any instance made it. */
  async publicJwks(): Promise<{ keys: JWK[] }> {
    const rows: Array<{ public_jwk: JWK }> = await this.dataSource.query(
      'SELECT public_jwk FROM token_keys WHERE active AND (retire_after IS NULL OR retire_after > now()) ORDER BY created_at DESC, kid',
    );
    return { keys: rows.map((r) => r.public_jwk) };
  }

  private async insertKey(em: EntityManager): Promise<{ kid: string; key_envelope: string }> {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    const envelope = sealPrivateKey(privateKey, this.config.EDU_KEK);
    await em.query('INSERT INTO token_keys (kid, public_jwk, key_envelope) VALUES ($1, $2, $3)', [kid, jwk, envelope]);
    return { kid, key_envelope: envelope };
  }
}
