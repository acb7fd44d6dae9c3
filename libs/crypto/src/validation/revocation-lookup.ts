import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { certificateParts } from '../certificate-der.js';
import { algorithmIdentifier, encode, Tag, tlv } from '../der.js';
import { publicKeyBits } from '../key-algorithms.js';
import { Oid } from '../oids.js';
import { digest } from './signature-algorithms.js';
import type { RevocationData } from './validation-report.js';

export interface RevocationPointers {
  /** AIA id-ad-ocsp URIs (RFC 5280 §4.2.2.1). */
  ocspUrls: string[];
  /** CRL distribution point full-name URIs (RFC 5280 §4.2.1.13). */
  crlUrls: string[];
}

/** Where a certificate says its status is published; empty lists when it says nothing or cannot be read. */
export function revocationPointers(certificate: Buffer): RevocationPointers {
  const pointers: RevocationPointers = { ocspUrls: [], crlUrls: [] };
  let extensions: pkijs.Extension[];
  try {
    extensions = pkijs.Certificate.fromBER(certificate).extensions ?? [];
  } catch {
    return pointers;
  }
  for (const ext of extensions) {
    if (ext.extnID === Oid.authorityInfoAccess && ext.parsedValue instanceof pkijs.InfoAccess) {
      for (const access of ext.parsedValue.accessDescriptions) {
        if (access.accessMethod === Oid.adOcsp && access.accessLocation.type === 6) pointers.ocspUrls.push(String(access.accessLocation.value));
      }
    }
    if (ext.extnID === Oid.crlDistributionPoints && ext.parsedValue instanceof pkijs.CRLDistributionPoints) {
      for (const point of ext.parsedValue.distributionPoints) {
        const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
        for (const name of names) if (name.type === 6) pointers.crlUrls.push(String(name.value));
      }
    }
  }
  return pointers;
}

/**
 * An unsigned OCSPRequest (RFC 6960 §4.1.1) for one certificate, without a nonce so that answers can be cached. The
 * CertID uses SHA-1, which every responder supports and which only names the certificate.
 */
export function buildOcspRequest(certificate: Buffer, issuer: Buffer): Buffer {
  const parts = certificateParts(certificate);
  const keyBits = publicKeyBits(new X509Certificate(issuer).publicKey);
  const certId = tlv(
    Tag.sequence,
    encode(algorithmIdentifier(Oid.sha1, true)),
    tlv(Tag.octetString, digest(Oid.sha1, parts.issuerDer)),
    tlv(Tag.octetString, digest(Oid.sha1, keyBits)),
    parts.serialDer,
  );
  return tlv(Tag.sequence, tlv(Tag.sequence, tlv(Tag.sequence, tlv(Tag.sequence, certId))));
}

/**
 * Until when revocation data may be reused: the OCSP answers' or the CRL's nextUpdate; undefined when there is none
 * or the data cannot be read (then it should not be cached).
 */
export function revocationDataExpiry(data: RevocationData): Date | undefined {
  try {
    if (data.crl) return pkijs.CertificateRevocationList.fromBER(data.crl).nextUpdate?.value;
    if (!data.ocspResponse) return undefined;
    const response = pkijs.OCSPResponse.fromBER(data.ocspResponse);
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return undefined;
    const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
    const times = basic.tbsResponseData.responses.map((single) => single.nextUpdate?.getTime());
    return times.length && times.every((time) => time !== undefined) ? new Date(Math.min(...(times as number[]))) : undefined;
  } catch {
    return undefined;
  }
}
