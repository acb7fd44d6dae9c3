import { validateSignatures, type CheckName, type SignatureReport } from '@edu/crypto';

/**
 * Our validator's report on one detached CMS over `content`, trusting `rootPems`; no revocation source is given, so
 * specs look at the checks they are about (integrity, chain, signer) rather than the overall indication.
 */
export async function validateDetached(content: Buffer, cms: Buffer, rootPems: string[]): Promise<SignatureReport> {
  const report = await validateSignatures({ content, signatures: [cms], trustAnchors: rootPems.map((pem) => Buffer.from(pem)) });
  if (report.signatures.length !== 1) throw new Error(`expected one signature, the report has ${report.signatures.length}`);
  return report.signatures[0];
}

export function checkStatus(report: SignatureReport, name: CheckName): string | undefined {
  return report.checks.find((c) => c.name === name)?.status;
}
