import { env, type ConfigOf } from '@edu/config';
import { ecdsaSignatureDer, exportPublicKeyPem, type RawSigner } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { createPublicKey, hash, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import pkcs11 from 'pkcs11js';
import { KeyStore, type CustodyKeyAlgorithm, type NewCustodyKey } from './key-store.js';

/** Where the token is. Read once at boot; the user PIN is a secret and has no default. */
export const pkcs11ConfigSchema = {
  PKCS11_MODULE: env.string({ default: '/usr/lib/softhsm/libsofthsm2.so' }),
  PKCS11_TOKEN_LABEL: env.string({ default: 'edu-signing' }),
  PKCS11_PIN: env.string({ secret: true }),
};
export type Pkcs11Config = ConfigOf<typeof pkcs11ConfigSchema>;


/** What the database keeps for a key: where it is, never key material. */
interface KeyReference {
  token: string;
  /** CKA_ID, lower-case hex. */
  id: string;
}

export const Pkcs11Errors = {
  unavailable: (reason: string) =>
    new DomainError('SIGNING.HSM_UNAVAILABLE', 'unavailable', {
      vi: `Không dùng được HSM (PKCS#11): ${reason}`,
      en: `The HSM (PKCS#11) is unavailable: ${reason}`,
    }),
  loginFailed: (result: string) =>
    new DomainError('SIGNING.HSM_LOGIN_FAILED', 'unavailable', {
      vi: `HSM từ chối đăng nhập (${result}); kiểm tra PKCS11_PIN`,
      en: `The HSM refused the login (${result}); check PKCS11_PIN`,
    }, 'PKCS11_PIN'),
  keyUnknown: (reason: string) =>
    new DomainError('SIGNING.HSM_KEY_UNKNOWN', 'not-found', {
      vi: `Không tìm thấy khoá trong HSM: ${reason}`,
      en: `No such key in the HSM: ${reason}`,
    }, 'handle'),
};

const PIN_RESULTS = ['CKR_PIN_INCORRECT', 'CKR_PIN_INVALID', 'CKR_PIN_LEN_RANGE', 'CKR_PIN_EXPIRED', 'CKR_PIN_LOCKED'];
const HEX_ID = /^(?:[0-9a-f]{2})+$/;
/** CKA_EC_PARAMS of P-256: the DER OBJECT IDENTIFIER prime256v1 (1.2.840.10045.3.1.7). */
const P256_PARAMS = Buffer.from('06082a8648ce3d030107', 'hex');
/** CKA_EC_POINT of a P-256 key: a DER OCTET STRING holding the uncompressed point 04 ‖ x ‖ y. */
const P256_POINT_PREFIX = Buffer.from('044104', 'hex');

/** Whether `handle` is a reference to a key on a token, as this store writes them (a software handle is not). */
export function isTokenKeyHandle(handle: string): boolean {
  try {
    const reference = JSON.parse(handle) as Partial<KeyReference> | null;
    return typeof reference?.token === 'string' && typeof reference.id === 'string' && Object.keys(reference).length === 2;
  } catch {
    return false;
  }
}

/** The CKR_* name of a PKCS#11 failure, else the native message. */
function resultOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs one PKCS#11 call; a failure becomes SIGNING.HSM_UNAVAILABLE naming the call and its result. */
function call<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw Pkcs11Errors.unavailable(`${what}: ${resultOf(err)}`);
  }
}

/**
 * Keys that live on a PKCS#11 token (SoftHSM2 in tests). RSA-2048 and P-256 pairs are generated on the token; the
 * private key is sensitive and never extractable, so it is only ever used through `sign`. One read-write session is
 * opened and logged in at `connect` and shared by every key: a PKCS#11 session runs one operation at a time, which
 * holds because `sign` is synchronous (init and sign in the same tick). The module is initialised per process: keep
 * one store per module and call `close()` on shutdown.
 */
export class Pkcs11KeyStore extends KeyStore {
  private closed = false;

  private constructor(
    private readonly lib: pkcs11.PKCS11,
    private readonly session: Buffer,
    private readonly tokenLabel: string,
  ) {
    super();
  }

  static async connect(config: Pkcs11Config): Promise<Pkcs11KeyStore> {
    const lib = new pkcs11.PKCS11();
    call(`loading ${config.PKCS11_MODULE}`, () => lib.load(config.PKCS11_MODULE));
    try {
      call('C_Initialize (one store per module and process)', () => lib.C_Initialize());
    } catch (err) {
      lib.close();
      throw err;
    }
    let session: Buffer | undefined;
    try {
      const label = config.PKCS11_TOKEN_LABEL;
      const slot = call('C_GetSlotList', () => lib.C_GetSlotList(true))
        .find((s) => call('C_GetTokenInfo', () => lib.C_GetTokenInfo(s)).label.trimEnd() === label);
      if (!slot) throw Pkcs11Errors.unavailable(`no initialised token labelled ${label}`);
      const flags = pkcs11.CKF_SERIAL_SESSION | pkcs11.CKF_RW_SESSION;
      const opened = call('C_OpenSession', () => lib.C_OpenSession(slot, flags));
      session = opened;
      try {
        lib.C_Login(opened, pkcs11.CKU_USER, config.PKCS11_PIN);
      } catch (err) {
        const result = resultOf(err);
        throw PIN_RESULTS.includes(result) ? Pkcs11Errors.loginFailed(result) : Pkcs11Errors.unavailable(`C_Login: ${result}`);
      }
      return new Pkcs11KeyStore(lib, opened, label);
    } catch (err) {
      shutDown(lib, session);
      throw err;
    }
  }

  /** RSA-2048 (people's keys, seals) or P-256 (the time-stamping unit). */
  async create(algorithm: CustodyKeyAlgorithm): Promise<NewCustodyKey> {
    this.assertOpen();
    const label = `edu-${randomUUID()}`;
    const id = randomBytes(16);
    const common = [
      { type: pkcs11.CKA_TOKEN, value: true },
      { type: pkcs11.CKA_ID, value: id },
      { type: pkcs11.CKA_LABEL, value: label },
    ];
    const rsa = algorithm === 'RSA-2048';
    const { privateKey } = call('C_GenerateKeyPair', () =>
      this.lib.C_GenerateKeyPair(this.session, { mechanism: rsa ? pkcs11.CKM_RSA_PKCS_KEY_PAIR_GEN : pkcs11.CKM_EC_KEY_PAIR_GEN }, [
        ...common,
        { type: pkcs11.CKA_PRIVATE, value: false },
        { type: pkcs11.CKA_VERIFY, value: true },
        ...(rsa
          ? [
              { type: pkcs11.CKA_ENCRYPT, value: false },
              { type: pkcs11.CKA_WRAP, value: false },
              { type: pkcs11.CKA_MODULUS_BITS, value: 2048 },
              { type: pkcs11.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
            ]
          : [{ type: pkcs11.CKA_EC_PARAMS, value: P256_PARAMS }]),
      ], [
        ...common,
        { type: pkcs11.CKA_PRIVATE, value: true },
        { type: pkcs11.CKA_SENSITIVE, value: true },
        { type: pkcs11.CKA_EXTRACTABLE, value: false },
        { type: pkcs11.CKA_SIGN, value: true },
        ...(rsa ? [{ type: pkcs11.CKA_DECRYPT, value: false }, { type: pkcs11.CKA_UNWRAP, value: false }] : []),
      ]));
    const reference: KeyReference = { token: this.tokenLabel, id: id.toString('hex') };
    return { handle: JSON.stringify(reference), publicKeyPem: exportPublicKeyPem(this.publicKeyOf(privateKey, id)) };
  }

  async open(handle: string): Promise<RawSigner> {
    this.assertOpen();
    const { id } = this.parse(handle);
    const privateKey = this.findPrivateKey(Buffer.from(id, 'hex'));
    if (!privateKey) throw Pkcs11Errors.keyUnknown(`no private key with CKA_ID ${id} on token ${this.tokenLabel}`);
    const publicKey = this.publicKeyOf(privateKey, Buffer.from(id, 'hex'));
    if (publicKey.asymmetricKeyType === 'ec') {
      // CKM_ECDSA signs a digest and answers r ‖ s; X.509 and CMS want the DER form.
      return {
        publicKey,
        sign: (data) => {
          const raw = this.signOnToken(privateKey, pkcs11.CKM_ECDSA, hash('sha256', data, 'buffer'), 64);
          return call('C_Sign (ECDSA r ‖ s)', () => ecdsaSignatureDer(raw));
        },
      };
    }
    const size = (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
    return { publicKey, sign: (data) => this.signOnToken(privateKey, pkcs11.CKM_SHA256_RSA_PKCS, data, size) };
  }

  private signOnToken(privateKey: Buffer, mechanism: number, data: Buffer, size: number): Buffer {
    this.assertOpen();
    return call('C_Sign', () => {
      this.lib.C_SignInit(this.session, { mechanism }, privateKey);
      return this.lib.C_Sign(this.session, data, Buffer.alloc(size));
    });
  }

  /** Logs out, closes the session and finalises the module. Keys opened before can no longer sign. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    shutDown(this.lib, this.session);
  }

  private assertOpen(): void {
    if (this.closed) throw Pkcs11Errors.unavailable('the key store is closed');
  }

  private parse(handle: string): KeyReference {
    let reference: Partial<KeyReference>;
    try {
      reference = JSON.parse(handle) as Partial<KeyReference>;
    } catch {
      throw Pkcs11Errors.keyUnknown('the handle is not a PKCS#11 key reference');
    }
    if (typeof reference?.token !== 'string' || typeof reference.id !== 'string' || !HEX_ID.test(reference.id)) {
      throw Pkcs11Errors.keyUnknown('the handle is not a PKCS#11 key reference');
    }
    if (reference.token !== this.tokenLabel) {
      throw Pkcs11Errors.keyUnknown(`the key is on token ${reference.token}, this store uses ${this.tokenLabel}`);
    }
    return { token: reference.token, id: reference.id };
  }

  private findPrivateKey(id: Buffer): Buffer | undefined {
    return this.findKey(pkcs11.CKO_PRIVATE_KEY, id);
  }

  private findKey(objectClass: number, id: Buffer): Buffer | undefined {
    return call('C_FindObjects', () => {
      this.lib.C_FindObjectsInit(this.session, [
        { type: pkcs11.CKA_CLASS, value: objectClass },
        { type: pkcs11.CKA_ID, value: id },
      ]);
      try {
        return this.lib.C_FindObjects(this.session, 1)[0];
      } finally {
        this.lib.C_FindObjectsFinal(this.session);
      }
    });
  }

  /**
   * The public half: an RSA key's from the private key's public attributes (modulus, exponent), a P-256 key's from
   * its public key object's point (a private EC key object does not carry it).
   */
  private publicKeyOf(privateKey: Buffer, id: Buffer): KeyObject {
    const [keyType] = call('C_GetAttributeValue', () => this.lib.C_GetAttributeValue(this.session, privateKey, [{ type: pkcs11.CKA_KEY_TYPE }]));
    if (keyType.value.readUInt32LE(0) === pkcs11.CKK_EC) return this.ecPublicKey(id); // a CK_ULONG, little-endian here
    const [modulus, exponent] = call('C_GetAttributeValue', () =>
      this.lib.C_GetAttributeValue(this.session, privateKey, [
        { type: pkcs11.CKA_MODULUS },
        { type: pkcs11.CKA_PUBLIC_EXPONENT },
      ]));
    const jwk = { kty: 'RSA', n: modulus.value.toString('base64url'), e: exponent.value.toString('base64url') };
    return createPublicKey({ key: jwk, format: 'jwk' });
  }

  private ecPublicKey(id: Buffer): KeyObject {
    const publicKey = this.findKey(pkcs11.CKO_PUBLIC_KEY, id);
    if (!publicKey) throw Pkcs11Errors.keyUnknown(`no public key with CKA_ID ${id.toString('hex')} on token ${this.tokenLabel}`);
    const [params, point] = call('C_GetAttributeValue', () =>
      this.lib.C_GetAttributeValue(this.session, publicKey, [{ type: pkcs11.CKA_EC_PARAMS }, { type: pkcs11.CKA_EC_POINT }]));
    if (!params.value.equals(P256_PARAMS) || point.value.length !== 67 || !point.value.subarray(0, 3).equals(P256_POINT_PREFIX)) {
      throw Pkcs11Errors.unavailable(`key ${id.toString('hex')} is not a P-256 key with an uncompressed point`);
    }
    const jwk = { kty: 'EC', crv: 'P-256', x: point.value.subarray(3, 35).toString('base64url'), y: point.value.subarray(35).toString('base64url') };
    return createPublicKey({ key: jwk, format: 'jwk' });
  }
}

/** Best-effort teardown: each step may fail (not logged in, session already gone) without stopping the next. */
function shutDown(lib: pkcs11.PKCS11, session: Buffer | undefined): void {
  const steps = [
    () => session && lib.C_Logout(session),
    () => session && lib.C_CloseSession(session),
    () => lib.C_Finalize(),
    () => lib.close(),
  ];
  for (const step of steps) {
    try {
      step();
    } catch {
      // Nothing left to release on this step.
    }
  }
}
