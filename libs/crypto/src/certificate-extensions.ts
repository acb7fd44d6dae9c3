import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { keyUsageBits, type KeyUsageName, type ProfileRules } from './certificate-profiles.js';
import { Oid } from './oids.js';

/** Where relying parties find revocation status and the issuer's certificate. */
export interface CertificatePointers {
  crlUrl?: string;
  ocspUrl?: string;
  caIssuersUrl?: string;
}

export interface ExtensionInput {
  rules: ProfileRules;
  subjectKeyId: Uint8Array;
  authorityKeyId: Uint8Array;
  pointers?: CertificatePointers;
}

/** The extensions a profile puts in a certificate, in the order OpenSSL prints them. */
export function profileExtensions({ rules, subjectKeyId, authorityKeyId, pointers = {} }: ExtensionInput): pkijs.Extension[] {
  const extensions = [
    extension(Oid.basicConstraints, rules.isCa, new pkijs.BasicConstraints({ cA: rules.isCa, ...(rules.pathLength === undefined ? {} : { pathLenConstraint: rules.pathLength }) }).toSchema()),
    extension(Oid.keyUsage, true, keyUsage(rules.keyUsage)),
  ];
  if (rules.extendedKeyUsage) {
    const { purposes, critical } = rules.extendedKeyUsage;
    extensions.push(extension(Oid.extKeyUsage, critical, new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema()));
  }
  extensions.push(
    extension(Oid.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: subjectKeyId })),
    extension(Oid.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: authorityKeyId }) }).toSchema()),
  );
  if (pointers.crlUrl) {
    const point = new pkijs.DistributionPoint({ distributionPoint: [uri(pointers.crlUrl)] });
    extensions.push(extension(Oid.crlDistributionPoints, false, new pkijs.CRLDistributionPoints({ distributionPoints: [point] }).toSchema()));
  }
  const access = [
    ...(pointers.ocspUrl ? [new pkijs.AccessDescription({ accessMethod: Oid.adOcsp, accessLocation: uri(pointers.ocspUrl) })] : []),
    ...(pointers.caIssuersUrl ? [new pkijs.AccessDescription({ accessMethod: Oid.adCaIssuers, accessLocation: uri(pointers.caIssuersUrl) })] : []),
  ];
  if (access.length) extensions.push(extension(Oid.authorityInfoAccess, false, new pkijs.InfoAccess({ accessDescriptions: access }).toSchema()));
  if (rules.ocspNoCheck) extensions.push(extension(Oid.ocspNoCheck, false, new asn1js.Null()));
  return extensions;
}

export function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/** DER named bit list: trailing zero bits are dropped and counted as unused (X.690 §11.2.2). */
function keyUsage(names: KeyUsageName[]): asn1js.BitString {
  const highest = Math.max(...names.map((name) => keyUsageBits[name]));
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const name of names) bytes[keyUsageBits[name] >> 3] |= 0x80 >> (keyUsageBits[name] & 7);
  return new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (highest & 7) });
}

function uri(value: string): pkijs.GeneralName {
  return new pkijs.GeneralName({ type: 6, value });
}
