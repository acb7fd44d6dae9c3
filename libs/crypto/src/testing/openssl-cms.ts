import type { KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Tag, tlv } from '../der.js';
import { Oid } from '../oids.js';
import { openssl } from './openssl.js';
import type { TestIdentity } from './test-pki.js';

/** The policy OID of the tokens `opensslToken` makes. */
export const TSA_POLICY = '1.3.6.1.4.1.55555.1.1';
const TSA_CONFIG = `[ tsa ]
default_tsa = tsa1
[ tsa1 ]
serial = ./serial
crypto_device = builtin
signer_digest = sha256
default_policy = ${TSA_POLICY}
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export const pkcs8 = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
const raw = (node: asn1js.AsnType) => Buffer.from(node.valueBeforeDecodeView);
const oidDer = (oid: string) => Buffer.from(new asn1js.ObjectIdentifier({ value: oid }).toBER());

/** `openssl cms -sign -cades`: detached CAdES B-B from a tool other than ours. */
export function opensslSign(signer: TestIdentity, chain: string[], data: Buffer): Buffer {
  const files = { 'data.bin': data, 'signer.pem': signer.certPem, 'key.pem': pkcs8(signer.privateKey), 'chain.pem': chain.join('') };
  const args = ['cms', '-sign', '-binary', '-md', 'sha256', '-cades', '-nosmimecap', '-outform', 'DER', '-in', 'data.bin', '-out', 'sig.der'];
  const certfile = chain.length ? ['-certfile', 'chain.pem'] : [];
  const run = openssl([...args, '-signer', 'signer.pem', '-inkey', 'key.pem', ...certfile], files, 'sig.der');
  if (run.stderr || !run.output) throw new Error(`openssl cms -sign failed: ${run.stderr}`);
  return run.output;
}

/** A real RFC 3161 token from `openssl ts -reply` over SHA-256 of `data`. */
export function opensslToken(tsa: TestIdentity, chain: string, data: Buffer): Buffer {
  const query = openssl(['ts', '-query', '-data', 'data.bin', '-sha256', '-cert', '-no_nonce', '-out', 'req.tsq'], { 'data.bin': data }, 'req.tsq');
  const files = { 'req.tsq': query.output!, 'tsa.cnf': TSA_CONFIG, serial: '00\n', 'tsa.pem': tsa.certPem, 'tsa.key': pkcs8(tsa.privateKey), 'chain.pem': chain };
  const reply = openssl(['ts', '-reply', '-queryfile', 'req.tsq', '-config', 'tsa.cnf', '-signer', 'tsa.pem', '-inkey', 'tsa.key', '-chain', 'chain.pem', '-token_out', '-out', 'token.der'], files, 'token.der');
  if (reply.status !== 0 || !reply.output) throw new Error(`openssl ts -reply failed: ${reply.stderr}`);
  return reply.output;
}

/** The first SignerInfo's signature value: what a signature time-stamp covers. */
export function signatureValue(cms: Buffer): Buffer {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
  return Buffer.from(signedData.signerInfos[0].signature.valueBlock.valueHexView);
}

/** Rebuilds the CMS around its own bytes with a signature time-stamp and/or SignedData.crls values added (B-T, B-LT). */
export function upgraded(cms: Buffer, add: { token?: Buffer; revocationValues?: Buffer[] }): Buffer {
  const [type, wrapper] = (asn1js.fromBER(cms).result as asn1js.Sequence).valueBlock.value;
  const fields = ((wrapper as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
  const signerInfo = (fields[fields.length - 1] as asn1js.Set).valueBlock.value[0] as asn1js.Sequence;
  const unsigned = add.token ? [tlv(Tag.contextConstructed1, tlv(Tag.sequence, oidDer(Oid.signatureTimeStampToken), tlv(Tag.set, add.token)))] : [];
  const crls = add.revocationValues ? [tlv(Tag.contextConstructed1, ...add.revocationValues)] : [];
  const newSignerInfo = tlv(Tag.sequence, ...signerInfo.valueBlock.value.map(raw), ...unsigned);
  const signedData = tlv(Tag.sequence, ...fields.slice(0, -1).map(raw), ...crls, tlv(Tag.set, newSignerInfo));
  return tlv(Tag.sequence, raw(type), tlv(Tag.contextConstructed0, signedData));
}

/** RevocationInfoChoices `other`: an OCSPResponse as id-ri-ocsp-response (RFC 5940). */
export const ocspRevocationValue = (response: Buffer) => tlv(Tag.contextConstructed1, oidDer(Oid.riOcspResponse), response);
