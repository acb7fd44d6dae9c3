import { openPrivateKey, sealPrivateKey } from '@edu/crypto';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { exportJWK, type JWK } from 'jose';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';

/** The ES256 key that signs access tokens; sealed under the KEK at rest, opened once per process. */
@Injectable()
export class TokenKeys implements OnModuleInit {
  private signingKey?: { kid: string; privateKey: KeyObject };
  private jwks: JWK[] = [];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('identity.token_keys'))`);
      let rows: Array<{ kid: string; public_jwk: JWK; key_envelope: string }> = await em.query(
        'SELECT kid, public_jwk, key_envelope FROM token_keys WHERE active ORDER BY created_at DESC',
      );
      if (!rows.length) {
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const kid = randomUUID();
        const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
        const envelope = sealPrivateKey(privateKey, this.config.EDU_KEK);
        await em.query('INSERT INTO token_keys (kid, public_jwk, key_envelope) VALUES ($1, $2, $3)', [kid, jwk, envelope]);
        rows = [{ kid, public_jwk: jwk, key_envelope: envelope }];
      }
      this.signingKey = { kid: rows[0].kid, privateKey: openPrivateKey(rows[0].key_envelope, this.config.EDU_KEK) };
      this.jwks = rows.map((r) => r.public_jwk);
    });
  }

  current(): { kid: string; privateKey: KeyObject } {
    if (!this.signingKey) throw new Error('token keys not loaded');
    return this.signingKey;
  }

  publicJwks(): { keys: JWK[] } {
    return { keys: this.jwks };
  }
}
