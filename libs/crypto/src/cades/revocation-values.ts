import * as asn1js from 'asn1js';
import { DerNode, derNode, encode, isOneElement, Tag } from '../der.js';
import { Oid } from '../oids.js';

const ocspResponseFormat = encode(new asn1js.ObjectIdentifier({ value: Oid.riOcspResponse }));
/** OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED successful(0), ... }: the bytes right after the header. */
const SUCCESSFUL = Buffer.from([0x0a, 0x01, 0x00]);

/**
 * SignedData.crls, i.e. `[1] IMPLICIT RevocationInfoChoices` (RFC 5652 §10.2.1): each CRL as a CertificateList, each
 * OCSP response as `other [1] IMPLICIT OtherRevocationInfoFormat` with id-ri-ocsp-response (RFC 5940 §3.1), which is
 * where CAdES B-LT keeps its revocation values. The caller's bytes are copied as they are, after a header check.
 */
export function revocationInfoChoices(crls: Buffer[], ocspResponses: Buffer[]): DerNode {
  for (const crl of crls) if (!isOneElement(crl, Tag.sequence)) throw new Error('CMS revocation values: a CRL is not one DER CertificateList');
  const others = ocspResponses.map((response) => {
    if (!isOneElement(response, Tag.sequence) || !SUCCESSFUL.equals(response.subarray(headerLength(response), headerLength(response) + 3))) {
      throw new Error('CMS revocation values: an OCSP response is not one DER OCSPResponse with status successful');
    }
    return derNode(Tag.contextConstructed1, ocspResponseFormat, response);
  });
  return derNode(Tag.contextConstructed1, ...crls, ...others);
}

function headerLength(der: Buffer): number {
  return der[1] < 0x80 ? 2 : 2 + (der[1] & 0x7f);
}
