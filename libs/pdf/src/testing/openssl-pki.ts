import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const SIGNER_NAME = 'Trường THCS Lê Quý Đôn';
const SIGNATURE_TIME_STAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';

const EXTENSIONS = `
[seal]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[tsa]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`;

const TSA_CONFIG = `
[tsa_config]
serial = tsa.serial
crypto_device = builtin
signer_cert = tsa.pem
signer_key = tsa.key
certs = ca.pem
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/**
 * A throwaway PKI made by the system openssl in a scratch directory: a root CA, a seal certificate under it and a
 * time-stamping authority. The CMS comes from `openssl cms -cades`, not from our own signer, so the specs check
 * the PDF plumbing against an independent implementation.
 */
export class OpensslPki {
  private calls = 0;

  private constructor(readonly dir: string) {}

  static create(): OpensslPki {
    const pki = new OpensslPki(mkdtempSync(join(tmpdir(), 'edu-pdf-pki-')));
    writeFileSync(join(pki.dir, 'ext.cnf'), EXTENSIONS);
    writeFileSync(join(pki.dir, 'ts.cnf'), TSA_CONFIG);
    writeFileSync(join(pki.dir, 'tsa.serial'), '01\n');
    pki.run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key',
      '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Test Root CA', '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    pki.issue('seal', `/CN=${SIGNER_NAME}/O=Sở GD&ĐT Hải Phòng`, ['-newkey', 'rsa:2048']);
    pki.issue('tsa', '/CN=Test TSA', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    return pki;
  }

  run(args: string[]): void {
    const run = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  }

  private issue(name: string, subject: string, keyArgs: string[]): void {
    this.run(['req', '-new', ...keyArgs, '-nodes', '-utf8', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    this.run(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-days', '30', '-out', `${name}.pem`, '-extfile', 'ext.cnf', '-extensions', name]);
  }

  /** Detached CAdES CMS (with signing-certificate-v2) over `data`, with the chain, DER. */
  signCms(data: Buffer): Buffer {
    const id = ++this.calls;
    writeFileSync(join(this.dir, `data-${id}.bin`), data);
    this.run(['cms', '-sign', '-binary', '-cades', '-outform', 'DER', '-md', 'sha256', '-nosmimecap', '-signer', 'seal.pem',
      '-inkey', 'seal.key', '-certfile', 'ca.pem', '-in', `data-${id}.bin`, '-out', `cms-${id}.der`]);
    return readFileSync(join(this.dir, `cms-${id}.der`));
  }

  /** signCms plus an RFC 3161 token from `openssl ts` over the signature value, as CAdES B-T adds it. */
  signCmsWithTimestamp(data: Buffer): Buffer {
    const id = ++this.calls;
    const contentInfo = pkijs.ContentInfo.fromBER(this.signCms(data));
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const signerInfo = signedData.signerInfos[0];
    writeFileSync(join(this.dir, `signature-${id}.bin`), signerInfo.signature.valueBlock.valueHexView);
    this.run(['ts', '-query', '-data', `signature-${id}.bin`, '-sha256', '-cert', '-out', `request-${id}.tsq`]);
    this.run(['ts', '-reply', '-config', 'ts.cnf', '-section', 'tsa_config', '-queryfile', `request-${id}.tsq`,
      '-token_out', '-out', `token-${id}.der`]);
    const token = asn1js.fromBER(readFileSync(join(this.dir, `token-${id}.der`))).result;
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: SIGNATURE_TIME_STAMP_TOKEN, values: [token] })],
    });
    const out = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
    return Buffer.from(out.toSchema().toBER());
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
