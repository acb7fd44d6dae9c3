import { hash, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  attribute,
  attributePrefix,
  contentTypeAttribute,
  sha256MessageDigestPrefix,
  signatureTimeStampAttribute,
  signingCertificateV2Attribute,
  uniqueCertificates,
} from './cades/attributes.js';
import { revocationInfoChoices } from './cades/revocation-values.js';
import { certificateParts } from './certificate-der.js';
import { algorithmIdentifier, derNode, encode, encodeDer, isOneElement, Tag, tlv, writeUtcTime } from './der.js';
import { Oid } from './oids.js';
import { signingFunction, type RawSigner } from './raw-signer.js';

const utcSigningTimePrefix = attributePrefix(Oid.signingTime, new asn1js.UTCTime({ valueDate: new Date(0) }), 13);
const VERSION_1 = encode(new asn1js.Integer({ value: 1 }));
const VERSION_5 = encode(new asn1js.Integer({ value: 5 }));

export interface CmsSignerOptions {
  signerCertPem: string;
  /** Issuing CAs up to (optionally) the root; shipped in the CMS so verifiers can build the path. */
  chainPems: string[];
  /** An RSA private KeyObject (the fast path: OpenSSL in-process), or a raw signer for a key held elsewhere. */
  privateKey: KeyObject | RawSigner;
}

export interface DetachedCmsRequest extends CmsSignerOptions {
  content: Buffer;
  signingTime?: Date;
}

/** The result of `CmsSigner.prepare`: signed, not yet wrapped; only that signer's `finish` can use it. */
export interface PreparedSignature {
  /** The SignerInfo signature; a CAdES B-T time-stamp token covers its SHA-256. */
  readonly signatureValue: Buffer;
  /** The signed attributes as SignerInfo carries them (`[0] IMPLICIT SET OF Attribute`). */
  readonly signedAttributes: Buffer;
}

/** What `finish` adds around a prepared signature: B-T with a token, B-LT with validation data as well. */
export interface SignatureExtras {
  /** An RFC 3161 TimeStampToken over SHA-256 of the signature value, kept as id-aa-signatureTimeStampToken. */
  timeStampToken?: Buffer;
  /** More DER certificates for SignedData.certificates (e.g. the TSA chain); duplicates are dropped. */
  certificates?: Buffer[];
  /** DER CRLs (CertificateList) for SignedData.crls. */
  crls?: Buffer[];
  /** DER OCSPResponses (status successful) for SignedData.crls, as RFC 5940 other revocation info. */
  ocspResponses?: Buffer[];
}

/**
 * Produces detached CMS SignedData (RFC 5652) with the CAdES B-B signed attributes: contentType, messageDigest,
 * signingTime and ESS signing-certificate-v2 (RFC 5035); with `prepare` and `finish`, B-T and B-LT too.
 *
 * Construct once per signing identity and reuse: everything that depends only on the certificate is encoded in the
 * constructor, so each signature hashes the content, appends digest and time to cached attribute encodings, spends
 * the rest in OpenSSL's RSA and wraps cached and caller-supplied DER in tags and lengths.
 */
export class CmsSigner {
  private readonly signData: (data: Buffer) => Buffer;
  private readonly contentTypeAttribute = contentTypeAttribute(Oid.data);
  private readonly signingCertificateAttribute: Buffer;
  /** SignerInfo fields before signedAttrs: version, sid, digestAlgorithm. */
  private readonly signerInfoHead: Buffer;
  /** SignerInfo signatureAlgorithm, encoded once. */
  private readonly signatureAlgorithm: Buffer;
  /** SignedData digestAlgorithms and encapContentInfo. */
  private readonly digestAlgorithmsAndContentType: Buffer;
  /** DER, the signer certificate first, then its chain as given: SignedData.certificates without extras. */
  readonly certificateChain: readonly Buffer[];
  private readonly certificatesField: Buffer;
  private readonly contentInfoHead = encode(new asn1js.ObjectIdentifier({ value: Oid.signedData }));

  constructor(options: CmsSignerOptions) {
    const signerCert = new X509Certificate(options.signerCertPem);
    // rsaEncryption is the SignerInfo's algorithm below: RSA keys only.
    this.signData = signingFunction('CmsSigner', signerCert, options.privateKey, { name: 'an RSA', accepts: (key) => key.asymmetricKeyType === 'rsa' });
    const signer = certificateParts(signerCert.raw);
    this.signingCertificateAttribute = signingCertificateV2Attribute(signer.der);
    this.signerInfoHead = Buffer.concat([VERSION_1, tlv(Tag.sequence, signer.issuerDer, signer.serialDer), encode(algorithmIdentifier(Oid.sha256, false))]);
    // rsaEncryption rather than sha256WithRSAEncryption: RFC 3370 lists it and every CMS verifier accepts it.
    this.signatureAlgorithm = encode(algorithmIdentifier(Oid.rsaEncryption, true));
    this.digestAlgorithmsAndContentType = Buffer.concat([
      encode(new asn1js.Set({ value: [algorithmIdentifier(Oid.sha256, false)] })),
      // Detached: encapContentInfo names the type and carries no eContent.
      encode(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: Oid.data })] })),
    ]);
    this.certificateChain = uniqueCertificates([signerCert.raw, ...options.chainPems.map((pem) => new X509Certificate(pem).raw)]);
    this.certificatesField = tlv(Tag.contextConstructed0, ...this.certificateChain);
  }

  /** CAdES B-B in one step. */
  sign(content: Buffer, signingTime: Date = new Date()): Buffer {
    return this.finish(this.prepare(content, signingTime));
  }

  /**
   * Hashes the content and signs the attributes: the costly half. A null `signingTime` leaves the signing-time
   * attribute out, as PAdES requires (the time lives in the PDF signature dictionary there).
   */
  prepare(content: Buffer, signingTime: Date | null): PreparedSignature {
    return this.prepareDigest(hash('sha256', content, 'buffer'), signingTime);
  }

  /** As prepare, from the content's SHA-256 digest, so that a caller signing many documents need not hold them. */
  prepareDigest(sha256: Buffer, signingTime: Date | null): PreparedSignature {
    if (sha256.length !== 32) throw new Error('CmsSigner: a SHA-256 digest is 32 bytes');
    const messageDigest = Buffer.concat([sha256MessageDigestPrefix, sha256]);
    const attributes = [this.contentTypeAttribute, messageDigest, this.signingCertificateAttribute];
    if (signingTime) attributes.push(signingTimeAttribute(signingTime));
    attributes.sort(Buffer.compare); // DER orders a SET OF by the encodings of its elements
    const signedSet = encodeDer(derNode(Tag.set, ...attributes));
    // The signature covers the attributes encoded as a universal SET, while SignerInfo carries them as [0] IMPLICIT.
    const signatureValue = this.signData(signedSet);
    signedSet[0] = Tag.contextConstructed0;
    return { signatureValue, signedAttributes: signedSet };
  }

  /**
   * Wraps a prepared signature in SignerInfo, SignedData and ContentInfo. With extras: the time-stamp token as an
   * unsigned attribute (B-T), certificate and revocation values in SignedData.certificates and .crls (B-LT). Version
   * 5 when OCSP responses travel as other revocation info, else 1 (RFC 5652 §5.1).
   */
  finish(prepared: PreparedSignature, extras: SignatureExtras = {}): Buffer {
    const { timeStampToken, certificates = [], crls = [], ocspResponses = [] } = extras;
    if (timeStampToken && !isOneElement(timeStampToken, Tag.sequence)) throw new Error('CmsSigner: the time-stamp token is not one DER ContentInfo');
    if (certificates.some((cert) => !isOneElement(cert, Tag.sequence))) throw new Error('CmsSigner: an extra certificate is not one DER Certificate');
    const unsigned = timeStampToken ? [derNode(Tag.contextConstructed1, signatureTimeStampAttribute(timeStampToken))] : [];
    const signerInfo = derNode(
      Tag.sequence,
      this.signerInfoHead,
      prepared.signedAttributes,
      this.signatureAlgorithm,
      derNode(Tag.octetString, prepared.signatureValue),
      ...unsigned,
    );
    const revocation = crls.length || ocspResponses.length ? [revocationInfoChoices(crls, ocspResponses)] : [];
    const signedData = derNode(
      Tag.sequence,
      ocspResponses.length ? VERSION_5 : VERSION_1,
      this.digestAlgorithmsAndContentType,
      certificates.length ? derNode(Tag.contextConstructed0, ...uniqueCertificates([...this.certificateChain, ...certificates])) : this.certificatesField,
      ...revocation,
      derNode(Tag.set, signerInfo),
    );
    return encodeDer(derNode(Tag.sequence, this.contentInfoHead, derNode(Tag.contextConstructed0, signedData)));
  }
}

/** One-shot form. Services signing more than once should keep a CmsSigner instead. */
export function signDetachedCms(req: DetachedCmsRequest): Buffer {
  return new CmsSigner(req).sign(req.content, req.signingTime);
}

function signingTimeAttribute(date: Date): Buffer {
  const year = date.getUTCFullYear();
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise (rare enough to encode the slow way).
  if (year < 1950 || year >= 2050) return encode(attribute(Oid.signingTime, new asn1js.GeneralizedTime({ valueDate: wholeSeconds(date) })));
  const encoded = Buffer.allocUnsafe(utcSigningTimePrefix.length + 13);
  utcSigningTimePrefix.copy(encoded);
  writeUtcTime(encoded, utcSigningTimePrefix.length, date);
  return encoded;
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
