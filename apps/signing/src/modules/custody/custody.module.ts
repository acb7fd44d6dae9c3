import { loadConfig } from '@edu/config';
import { Module } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { KeyStore, SoftwareKeyStore } from './key-store.js';
import { Pkcs11KeyStore, pkcs11ConfigSchema } from './pkcs11-key-store.js';
import { KeyUseAudit } from './key-use-audit.js';
import { RoutingKeyStore } from './routing-key-store.js';
import { CustodyPersonKeys, PersonKeys } from './person-keys.js';
import { SignatureLevels, signatureLevelsProvider } from './signature-levels.js';
import { SigningKeysHttpController } from './signing-keys.http.controller.js';
import { SigningPins } from './signing-pins.js';
import { TimeStampUnit } from './time-stamp-unit.js';
import { TsaHttpController } from './tsa.http.controller.js';
import { TsaSerials } from './tsa-serials.js';

/** Keys in custody (seals, people, the time-stamping unit), signing PINs, the TSA and the CAdES levels. */
@Module({
  controllers: [TsaHttpController, SigningKeysHttpController],
  providers: [
    { provide: SoftwareKeyStore, useFactory: (c: SigningConfig) => new SoftwareKeyStore(c.EDU_KEK), inject: [SIGNING_CONFIG] },
    {
      provide: KeyStore,
      inject: [SIGNING_CONFIG, SoftwareKeyStore],
      useFactory: async (c: SigningConfig, software: SoftwareKeyStore) =>
        c.KEY_STORE === 'pkcs11' ? new RoutingKeyStore(await Pkcs11KeyStore.connect(loadConfig(pkcs11ConfigSchema)), software) : software,
    },
    { provide: KeyUseAudit, useValue: new KeyUseAudit() },
    SigningPins,
    CustodyPersonKeys,
    { provide: PersonKeys, useExisting: CustodyPersonKeys },
    TimeStampUnit,
    TsaSerials,
    signatureLevelsProvider,
  ],
  exports: [KeyStore, KeyUseAudit, CustodyPersonKeys, PersonKeys, TimeStampUnit, TsaSerials, SignatureLevels],
})
export class CustodyModule {}
