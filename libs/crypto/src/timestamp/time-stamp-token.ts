import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeExact } from '../der.js';
import { Oid } from '../oids.js';
import { timeStampHashOf, type TimeStampHash } from './hash-algorithms.js';

export interface TimeStampTokenInfo {
  serial: bigint;
  genTime: Date;
  policy: string;
  hashAlgorithm: TimeStampHash;
  digest: Buffer;
  /** The nonce INTEGER's content bytes, as the request sent them. */
  nonce?: Buffer;
  accuracyMillis?: number;
  /** The certificate the SignerInfo names, when the token carries it (certReq). */
  signerCertificateDer?: Buffer;
  certificatesDer: Buffer[];
}

/** Why a token was refused: unreadable, or read but not acceptable. */
export class TimeStampTokenError extends Error {
  constructor(
    readonly problem: 'malformed' | 'signature' | 'signer' | 'untrusted',
    message: string,
  ) {
    super(message);
  }
}

/** A token taken apart, for readTimeStampToken and verifyTimeStampToken. */
export interface ParsedTimeStampToken {
  info: TimeStampTokenInfo;
  signerInfo: pkijs.SignerInfo;
  /** The encapsulated TSTInfo bytes, which messageDigest covers. */
  tstInfoDer: Buffer;
}

/** Reads a TimeStampToken (RFC 3161 §2.4.2) with pkijs; not a hot path. Checks structure only, not the signature. */
export function readTimeStampToken(der: Buffer): TimeStampTokenInfo {
  return parseTimeStampToken(der).info;
}

export function parseTimeStampToken(der: Buffer): ParsedTimeStampToken {
  try {
    return parse(der);
  } catch (err) {
    if (err instanceof TimeStampTokenError) throw err;
    throw new TimeStampTokenError('malformed', `not a TimeStampToken: ${(err as Error)?.message ?? String(err)}`);
  }
}

function parse(der: Buffer): ParsedTimeStampToken {
  const contentInfo = new pkijs.ContentInfo({ schema: decodeExact(der, 'TimeStampToken') });
  if (contentInfo.contentType !== Oid.signedData) throw new TimeStampTokenError('malformed', `not SignedData: ${contentInfo.contentType}`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== Oid.tstInfo || !eContent) throw new TimeStampTokenError('malformed', `the content is ${eContentType}, not TSTInfo`);
  if (signedData.signerInfos.length !== 1) throw new TimeStampTokenError('malformed', `expected one signer, found ${signedData.signerInfos.length}`);
  const tstInfoDer = Buffer.from(eContent.getValue());
  const tst = new pkijs.TSTInfo({ schema: decodeExact(tstInfoDer, 'TSTInfo') });
  const hashAlgorithm = timeStampHashOf(tst.messageImprint.hashAlgorithm.algorithmId);
  if (!hashAlgorithm) throw new TimeStampTokenError('malformed', `unsupported imprint hash ${tst.messageImprint.hashAlgorithm.algorithmId}`);

  const certificatesDer = rawCertificates(contentInfo.content as asn1js.Sequence);
  const signerInfo = signedData.signerInfos[0];
  const signerCertificateDer = certificatesDer.find((cert) => namesSigner(signerInfo, cert));
  const accuracy = tst.accuracy;
  return {
    info: {
      serial: tst.serialNumber.toBigInt(),
      genTime: tst.genTime,
      policy: tst.policy,
      hashAlgorithm,
      digest: Buffer.from(tst.messageImprint.hashedMessage.getValue()),
      ...(tst.nonce ? { nonce: Buffer.from(tst.nonce.valueBlock.valueHexView) } : {}),
      ...(accuracy ? { accuracyMillis: (accuracy.seconds ?? 0) * 1000 + (accuracy.millis ?? 0) + (accuracy.micros ?? 0) / 1000 } : {}),
      ...(signerCertificateDer ? { signerCertificateDer } : {}),
      certificatesDer,
    },
    signerInfo,
    tstInfoDer,
  };
}

/** SignedData.certificates as the exact bytes sent: the ESS hash is over them. Attribute certificates are skipped. */
function rawCertificates(signedData: asn1js.Sequence): Buffer[] {
  const bag = signedData.valueBlock.value.find((field) => field.idBlock.tagClass === 3 && field.idBlock.tagNumber === 0) as asn1js.Constructed | undefined;
  return (bag?.valueBlock.value ?? []).filter((item) => item.idBlock.tagClass === 1 && item.idBlock.tagNumber === 16).map((item) => Buffer.from(item.valueBeforeDecodeView));
}

/** Whether the SignerInfo's sid names this certificate by issuer and serial, as every RFC 3161 TSA we know does. */
export function namesSigner(signerInfo: pkijs.SignerInfo, certDer: Buffer): boolean {
  const sid = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return false;
  const cert = pkijs.Certificate.fromBER(certDer);
  return sid.serialNumber.isEqual(cert.serialNumber) && sid.issuer.isEqual(cert.issuer);
}
