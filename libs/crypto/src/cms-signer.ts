import { sign, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { certificateParts } from './certificate-der.js';
import { algorithmIdentifier, decodeExact, encode, Tag, tlv } from './der.js';
import { sha256 } from './hash.js';
import { Oid } from './oids.js';

const messageDigestPrefix = attributePrefix(Oid.messageDigest, new asn1js.OctetString({ valueHex: new Uint8Array(32) }), 32);
const utcSigningTimePrefix = attributePrefix(Oid.signingTime, new asn1js.UTCTime({ valueDate: new Date(0) }), 13);

export interface CmsSignerOptions {
  signerCertPem: string;
  /** Issuing CAs up to (optionally) the root; shipped in the CMS so verifiers can build the path. */
  chainPems: string[];
  privateKey: KeyObject;
}

export interface DetachedCmsRequest extends CmsSignerOptions {
  content: Buffer;
  signingTime?: Date;
}

/**
 * Produces detached CMS SignedData (RFC 5652) with the CAdES B-B signed attributes: contentType, messageDigest,
 * signingTime and ESS signing-certificate-v2 (RFC 5035).
 *
 * Construct once per signing identity and reuse: everything that depends only on the certificate is encoded in the
 * constructor, so each `sign` call hashes the content, appends digest and time to cached attribute encodings and
 * spends the rest in OpenSSL's RSA.
 */
export class CmsSigner {
  private readonly privateKey: KeyObject;
  private readonly contentTypeAttribute: Buffer;
  private readonly signingCertificateAttribute: Buffer;
  /** SignerInfo fields before signedAttrs: version, sid, digestAlgorithm. */
  private readonly signerInfoHead: Buffer;
  /** SignerInfo signatureAlgorithm, encoded once. */
  private readonly signatureAlgorithm: Buffer;
  /** SignedData fields before signerInfos: version, digestAlgorithms, encapContentInfo, certificates. */
  private readonly signedDataHead: Buffer;
  private readonly contentInfoHead: Buffer;

  constructor(options: CmsSignerOptions) {
    const signerCert = new X509Certificate(options.signerCertPem);
    if (options.privateKey.type !== 'private' || options.privateKey.asymmetricKeyType !== 'rsa') {
      throw new Error('CmsSigner: an RSA private key is required');
    }
    if (!signerCert.checkPrivateKey(options.privateKey)) {
      throw new Error('CmsSigner: private key does not match the signer certificate');
    }
    this.privateKey = options.privateKey;
    const signer = certificateParts(signerCert.raw);
    const issuerName = decodeExact(signer.issuerDer, 'issuer name');
    const serial = decodeExact(signer.serialDer, 'serial number');

    this.contentTypeAttribute = encode(attribute(Oid.contentType, new asn1js.ObjectIdentifier({ value: Oid.data })));
    this.signingCertificateAttribute = encode(
      attribute(Oid.signingCertificateV2, signingCertificateV2(sha256(signer.der), issuerName, serial)),
    );

    const sid = new asn1js.Sequence({ value: [issuerName, serial] });
    this.signerInfoHead = Buffer.concat([
      encode(new asn1js.Integer({ value: 1 })),
      encode(sid),
      encode(algorithmIdentifier(Oid.sha256, false)),
    ]);
    // rsaEncryption rather than sha256WithRSAEncryption: RFC 3370 lists it and every CMS verifier accepts it.
    this.signatureAlgorithm = encode(algorithmIdentifier(Oid.rsaEncryption, true));

    const certificates = uniqueCertificates([signerCert.raw, ...options.chainPems.map((pem) => new X509Certificate(pem).raw)]);
    this.signedDataHead = Buffer.concat([
      encode(new asn1js.Integer({ value: 1 })),
      encode(new asn1js.Set({ value: [algorithmIdentifier(Oid.sha256, false)] })),
      // Detached: encapContentInfo names the type and carries no eContent.
      encode(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: Oid.data })] })),
      tlv(Tag.contextConstructed0, ...certificates),
    ]);
    this.contentInfoHead = encode(new asn1js.ObjectIdentifier({ value: Oid.signedData }));
  }

  sign(content: Buffer, signingTime: Date = new Date()): Buffer {
    const attributes = [
      this.contentTypeAttribute,
      Buffer.concat([messageDigestPrefix, sha256(content)]),
      this.signingTimeAttribute(signingTime),
      this.signingCertificateAttribute,
    ].sort(Buffer.compare); // DER orders a SET OF by the encodings of its elements
    // The signature covers the attributes encoded as a universal SET, while SignerInfo carries them as [0] IMPLICIT.
    const signature = sign('sha256', tlv(Tag.set, ...attributes), this.privateKey);

    const signerInfo = tlv(
      Tag.sequence,
      this.signerInfoHead,
      tlv(Tag.contextConstructed0, ...attributes),
      this.signatureAlgorithm,
      tlv(Tag.octetString, signature),
    );
    const signedData = tlv(Tag.sequence, this.signedDataHead, tlv(Tag.set, signerInfo));
    return tlv(Tag.sequence, this.contentInfoHead, tlv(Tag.contextConstructed0, signedData));
  }

  private signingTimeAttribute(date: Date): Buffer {
    const year = date.getUTCFullYear();
    // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise (rare enough to encode the slow way).
    if (year < 1950 || year >= 2050) return encode(attribute(Oid.signingTime, new asn1js.GeneralizedTime({ valueDate: wholeSeconds(date) })));
    const yymmddhhmmss = date.toISOString().slice(2, 19).replace(/[-T:]/g, '');
    return Buffer.concat([utcSigningTimePrefix, Buffer.from(`${yymmddhhmmss}Z`, 'latin1')]);
  }
}

/** One-shot form. Services signing more than once should keep a CmsSigner instead. */
export function signDetachedCms(req: DetachedCmsRequest): Buffer {
  return new CmsSigner(req).sign(req.content, req.signingTime);
}

function attribute(oid: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })],
  });
}

/** SigningCertificateV2 with one ESSCertIDv2; hashAlgorithm is left out because SHA-256 is its DEFAULT. */
function signingCertificateV2(certHash: Buffer, issuerName: asn1js.AsnType, serial: asn1js.AsnType): asn1js.Sequence {
  const generalNames = new asn1js.Sequence({
    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [issuerName] })],
  });
  const issuerSerial = new asn1js.Sequence({ value: [generalNames, serial] });
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * The encoding of a fixed-size attribute up to its last `valueLength` bytes. asn1js lays out the structure once;
 * per signature we only append the digest or time. Measured on the dev box: 0.39 ms/signature when asn1js encoded
 * these two attributes on each call, against 0.26 ms for the bare RSA operation.
 */
function attributePrefix(oid: string, sample: asn1js.AsnType, valueLength: number): Buffer {
  const der = encode(attribute(oid, sample));
  return der.subarray(0, der.length - valueLength);
}

function uniqueCertificates(ders: Buffer[]): Buffer[] {
  const seen = new Set<string>();
  return ders.filter((der) => {
    const key = der.toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
