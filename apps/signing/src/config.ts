import { commonSchema, env, identityClientSchema, loadConfig, objectStoreSchema } from '@edu/config';

export const signingConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8082, min: 1, max: 65535 }),
  ...identityClientSchema,
  ...objectStoreSchema,
  /** The only bucket signing reads content from: interchange stages submissions there. */
  STAGING_BUCKET: env.string({ default: 'edu-staging' }),
  /** Key-encryption key (32 bytes, base64) for the seal keys at rest. Secret: no default. */
  EDU_KEK: env.key32(),
  /** Where seals' and people's keys live: `software` (sealed under EDU_KEK) or `pkcs11` (an HSM; PKCS11_* settings). */
  KEY_STORE: env.oneOf(['software', 'pkcs11'], { default: 'software' }),
  /** The organisation (the provincial department) whose time-stamping unit signs the platform's time-stamps. */
  TSA_ORG_CODE: env.string({ default: '31000000' }),
  /** The TSA policy (RFC 3161 §2.4.2); an OID of the UUID arc (X.667), so no registration is needed. */
  TSA_POLICY_OID: env.string({ default: '2.25.240035718375174984375166262161085237062' }),
  /** An external, licensed RFC 3161 TSA to use instead of our own (empty: our own unit, in process). */
  TSA_URL: env.string({ default: '' }),
  /** Days a signer has for a signing task before it is overdue and reminders start. */
  SIGNING_TASK_DAYS: env.int({ default: 7, min: 1, max: 365 }),
  /** At most one reminder per overdue task in this many hours. */
  SIGNING_REMINDER_HOURS: env.int({ default: 24, min: 1, max: 24 * 30 }),
  /** How often each instance looks for overdue tasks; one instance takes each task (FOR UPDATE SKIP LOCKED). */
  SIGNING_REMINDER_INTERVAL_SECONDS: env.int({ default: 300, min: 1, max: 86_400 }),
};

export type SigningConfig = ReturnType<typeof loadSigningConfig>;
export const loadSigningConfig = () => loadConfig(signingConfigSchema);
export const SIGNING_CONFIG = Symbol('SigningConfig');
