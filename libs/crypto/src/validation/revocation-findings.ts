import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateParts } from '../certificate-der.js';
import { DerReader } from '../der-elements.js';
import { Tag, tlv } from '../der.js';
import { crlReasonCodes } from '../crl-reasons.js';
import { publicKeyBits } from '../key-algorithms.js';
import { Oid } from '../oids.js';
import { allowsKeyUsage, certificateFacts, KeyUsageBit, parsed } from './certificate-facts.js';
import { checkSignature, certIdDigestName } from './signature-algorithms.js';
import { sameBytes } from './signer-info.js';

/**
 * What one CRL or OCSP response says about one certificate, once its signature and issuer are checked. The readers
 * throw on unreadable data; the caller counts that as unusable.
 */
export type RevocationFinding =
  | { status: 'good'; source: 'CRL' | 'OCSP'; thisUpdate: Date; nextUpdate?: Date }
  | { status: 'revoked'; source: 'CRL' | 'OCSP'; revokedAt: Date; reason?: string }
  | { status: 'unusable'; source: 'CRL' | 'OCSP'; why: string };

/** Clock skew tolerated between the producers of revocation data and us. */
export const SKEW_MS = 5 * 60 * 1000;

const reasonNames = new Map<number, string>(Object.entries(crlReasonCodes).map(([name, code]) => [code, name]));
reasonNames.set(6, 'certificateHold');

export interface Subject {
  cert: X509Certificate;
  issuer: X509Certificate;
  validationTime: Date;
}

/** A CRL's word on `cert`, or undefined when the CRL is another issuer's. */
export function crlFinding(der: Buffer, { cert, issuer, validationTime }: Subject): RevocationFinding | undefined {
  const unusable = (why: string) => ({ status: 'unusable' as const, source: 'CRL' as const, why });
  const crl = pkijs.CertificateRevocationList.fromBER(der);
  const certificate = parsed(cert);
  if (!crl.issuer.isEqual(certificate.issuer)) return undefined;
  if (checkSignature(crl.signatureAlgorithm, undefined, crl.tbsView, crl.signatureValue.valueBlock.valueHexView, issuer.publicKey) !== 'valid') {
    return unusable('the CRL signature does not verify with the issuer');
  }
  if (!allowsKeyUsage(issuer, KeyUsageBit.cRLSign)) return unusable('the issuer may not sign CRLs');
  const thisUpdate = crl.thisUpdate.value;
  if (thisUpdate.getTime() > validationTime.getTime() + SKEW_MS) return unusable('the CRL is dated in the future');
  const serial = certificate.serialNumber.valueBlock.valueHexView;
  const entry = crl.revokedCertificates?.find((revoked) => sameBytes(revoked.userCertificate.valueBlock.valueHexView, serial));
  const reasonCode = entry?.crlEntryExtensions?.extensions.find((ext) => ext.extnID === Oid.crlReason)?.parsedValue;
  const reason = reasonCode instanceof asn1js.Enumerated ? reasonNames.get(reasonCode.valueBlock.valueDec) : undefined;
  if (entry && reason !== 'removeFromCRL') {
    return { status: 'revoked', source: 'CRL', revokedAt: entry.revocationDate.value, ...(reason ? { reason } : {}) };
  }
  return { status: 'good', source: 'CRL', thisUpdate, ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value } : {}) };
}

/** An OCSPResponse's word on `cert`, or undefined when it answers about other certificates. */
export function ocspFinding(der: Buffer, subject: Subject): RevocationFinding | undefined {
  const response = pkijs.OCSPResponse.fromBER(der);
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0 || !response.responseBytes || response.responseBytes.responseType !== Oid.ocspBasic) {
    return { status: 'unusable', source: 'OCSP', why: `OCSP response status ${status}` };
  }
  return basicOcspFinding(Buffer.from(response.responseBytes.response.valueBlock.valueHexView), subject);
}

/** A BasicOCSPResponse (as revocation-values carries them) answered by the issuer or its delegated responder. */
export function basicOcspFinding(der: Buffer, { cert, issuer, validationTime }: Subject): RevocationFinding | undefined {
  const unusable = (why: string) => ({ status: 'unusable' as const, source: 'OCSP' as const, why });
  const { basic, certificates } = readBasicResponse(der);
  const single = basic.tbsResponseData.responses.find((response) => namesCertificate(response.certID, cert, issuer));
  if (!single) return undefined;
  const producedAt = basic.tbsResponseData.producedAt;
  if (producedAt.getTime() > validationTime.getTime() + SKEW_MS) return unusable('the OCSP response is dated in the future');
  const responder = responderOf(basic, certificates, issuer, producedAt);
  if (!responder) return unusable('the OCSP responder is neither the issuer nor authorised by it');
  if (checkSignature(basic.signatureAlgorithm, undefined, basic.tbsResponseData.tbsView, basic.signature.valueBlock.valueHexView, responder.publicKey) !== 'valid') {
    return unusable('the OCSP response signature does not verify');
  }
  const certStatus = single.certStatus as asn1js.AsnType;
  const tag = certStatus?.idBlock?.tagNumber;
  if (tag === 0) return { status: 'good', source: 'OCSP', thisUpdate: single.thisUpdate, ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}) };
  if (tag === 1 && certStatus instanceof asn1js.Constructed) {
    const [time, reasonField] = certStatus.valueBlock.value;
    if (!(time instanceof asn1js.GeneralizedTime)) return unusable('malformed revoked status');
    const code = reasonField instanceof asn1js.Constructed ? reasonField.valueBlock.value[0] : undefined;
    const reason = code instanceof asn1js.Enumerated ? reasonNames.get(code.valueBlock.valueDec) : undefined;
    return { status: 'revoked', source: 'OCSP', revokedAt: time.toDate(), ...(reason ? { reason } : {}) };
  }
  return unusable('the responder does not know the certificate');
}

function namesCertificate(certId: pkijs.CertID, cert: X509Certificate, issuer: X509Certificate): boolean {
  const hash = certIdDigestName(certId.hashAlgorithm.algorithmId);
  if (!hash) return false;
  // The name exactly as the certificate encodes its issuer, which is what the responder hashed.
  const { issuerDer, serialValue } = certificateParts(cert.raw);
  return (
    sameBytes(certId.serialNumber.valueBlock.valueHexView, serialValue) &&
    sameBytes(certId.issuerNameHash.valueBlock.valueHexView, createHash(hash).update(issuerDer).digest()) &&
    sameBytes(certId.issuerKeyHash.valueBlock.valueHexView, createHash(hash).update(publicKeyBits(issuer.publicKey)).digest())
  );
}

/**
 * pkijs reads the response without its certificates, which are taken out byte for byte for OpenSSL: pkijs decoded
 * each one into objects, which were then encoded again (docs/benchmarks.md, 2026-12-07).
 */
function readBasicResponse(der: Buffer): { basic: pkijs.BasicOCSPResponse; certificates: Buffer[] } {
  const reader = new DerReader(der, 'BasicOCSPResponse');
  const [tbsResponseData, signatureAlgorithm, signature, certs, ...rest] = reader.children(reader.root(Tag.sequence, 'BasicOCSPResponse'));
  if (!signature || rest.length || (certs && certs.tag !== Tag.contextConstructed0)) throw new Error('BasicOCSPResponse: malformed');
  const [list] = certs ? reader.children(certs) : [];
  if (certs && list?.tag !== Tag.sequence) throw new Error('BasicOCSPResponse: malformed certificates');
  return {
    basic: pkijs.BasicOCSPResponse.fromBER(tlv(Tag.sequence, ...[tbsResponseData, signatureAlgorithm, signature].map((e) => reader.raw(e)))),
    certificates: list ? reader.children(list).map((e) => reader.raw(e)) : [],
  };
}

/** RFC 6960 §4.2.2.2: the issuer itself, or a certificate it issued with id-kp-OCSPSigning, valid when it answered. */
function responderOf(basic: pkijs.BasicOCSPResponse, certificates: Buffer[], issuer: X509Certificate, producedAt: Date): X509Certificate | undefined {
  const candidates = [issuer, ...certificates.slice(0, 8).map((der) => new X509Certificate(der))];
  const id = basic.tbsResponseData.responderID;
  const named = candidates.find((candidate) =>
    id instanceof asn1js.OctetString
      ? sameBytes(id.valueBlock.valueHexView, createHash('sha1').update(publicKeyBits(candidate.publicKey)).digest())
      : id instanceof pkijs.RelativeDistinguishedNames && parsed(candidate).subject.isEqual(id),
  );
  if (!named) return undefined;
  if (named.raw.equals(issuer.raw)) return named;
  const delegated =
    named.checkIssued(issuer) &&
    named.verify(issuer.publicKey) &&
    !!certificateFacts(named).extendedKeyUsage?.purposes.includes(Oid.kpOcspSigning) &&
    producedAt >= new Date(named.validFrom) &&
    producedAt <= new Date(named.validTo);
  return delegated ? named : undefined;
}
