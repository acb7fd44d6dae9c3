import { constants, createHash, verify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from '../oids.js';

/** Digests accepted for signatures and certificate hashes; SHA-1 and MD5 are refused (ETSI TS 119 312). */
const digestNames: Record<string, string> = { [Oid.sha256]: 'sha256', [Oid.sha384]: 'sha384', [Oid.sha512]: 'sha512' };
/** OCSP CertIDs name certificates, they protect nothing, so SHA-1 stays acceptable there (RFC 6960 §4.1.1). */
const certIdDigestNames: Record<string, string> = { ...digestNames, [Oid.sha1]: 'sha1' };

const rsaWithDigest: Record<string, string> = {
  [Oid.sha256WithRsaEncryption]: Oid.sha256,
  [Oid.sha384WithRsaEncryption]: Oid.sha384,
  [Oid.sha512WithRsaEncryption]: Oid.sha512,
};
const ecdsaWithDigest: Record<string, string> = {
  [Oid.ecdsaWithSha256]: Oid.sha256,
  [Oid.ecdsaWithSha384]: Oid.sha384,
  [Oid.ecdsaWithSha512]: Oid.sha512,
};

export function digestName(oid: string): string | undefined {
  return digestNames[oid];
}

export function certIdDigestName(oid: string): string | undefined {
  return certIdDigestNames[oid];
}

export function digest(oid: string, data: Uint8Array): Buffer {
  const name = certIdDigestNames[oid];
  if (!name) throw new Error(`unsupported digest ${oid}`);
  return createHash(name).update(data).digest();
}

/** `unsupported` names an algorithm this validator does not accept, which is not proof of a bad signature. */
export type SignatureCheck = 'valid' | 'invalid' | { unsupported: string };

/**
 * Checks a signature made with RSA PKCS #1 v1.5, RSASSA-PSS or ECDSA, as SignerInfos, CRLs and OCSP responses
 * name them. `digestOid` is the SignerInfo digestAlgorithm, needed when the algorithm names only the key type.
 */
export function checkSignature(algorithm: pkijs.AlgorithmIdentifier, digestOid: string | undefined, data: Uint8Array, signature: Uint8Array, key: KeyObject): SignatureCheck {
  const plan = verificationPlan(algorithm, digestOid);
  if ('unsupported' in plan) return plan;
  try {
    return verify(plan.digest, data, { key, ...plan.options }, signature) ? 'valid' : 'invalid';
  } catch {
    // A key of another type or a signature that is not even an encoding (e.g. a bad ECDSA DER) does not verify.
    return 'invalid';
  }
}

type Plan = { digest: string; options: { padding?: number; saltLength?: number } } | { unsupported: string };

function verificationPlan(algorithm: pkijs.AlgorithmIdentifier, digestOid: string | undefined): Plan {
  const oid = algorithm.algorithmId;
  const byKeyOnly = oid === Oid.rsaEncryption || oid === Oid.ecPublicKey ? digestOid : undefined;
  const hashOid = byKeyOnly ?? rsaWithDigest[oid] ?? ecdsaWithDigest[oid];
  if (hashOid) {
    const digest = digestNames[hashOid];
    return digest ? { digest, options: {} } : { unsupported: `digest ${hashOid}` };
  }
  if (oid === Oid.rsassaPss) return pssPlan(algorithm.algorithmParams);
  return { unsupported: `signature algorithm ${oid}` };
}

/** RFC 4055 §3.1: the hash, MGF1 with the same hash (the only form node:crypto verifies) and the salt length. */
function pssPlan(params: unknown): Plan {
  if (!(params instanceof asn1js.Sequence)) return { unsupported: 'RSASSA-PSS without parameters' };
  const pss = new pkijs.RSASSAPSSParams({ schema: params });
  const digest = digestNames[pss.hashAlgorithm.algorithmId];
  if (!digest) return { unsupported: `RSASSA-PSS digest ${pss.hashAlgorithm.algorithmId}` };
  const mgfHash = pss.maskGenAlgorithm.algorithmParams instanceof asn1js.Sequence
    ? new pkijs.AlgorithmIdentifier({ schema: pss.maskGenAlgorithm.algorithmParams }).algorithmId
    : Oid.sha1;
  if (pss.maskGenAlgorithm.algorithmId !== Oid.mgf1 || mgfHash !== pss.hashAlgorithm.algorithmId) return { unsupported: 'RSASSA-PSS mask generation' };
  return { digest, options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength } };
}
