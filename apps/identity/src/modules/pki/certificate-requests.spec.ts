import { describe, expect, it } from 'vitest';
import { IssueCertificateCommand, RenewCertificateCommand, RevokeCertificateCommand } from './certificate-requests.js';
import { serialParam } from './certificate-queries.js';
import { checkCertificationRequest } from './certification-request-check.js';

const fieldOf = (build: () => unknown) => {
  try {
    build();
  } catch (err) {
    return (err as { code: string; field: string }).field;
  }
  return undefined;
};

describe('certificate request bodies', () => {
  it('validates issuance: profile, orgCode, personId only for people, csrPem', () => {
    expect(fieldOf(() => IssueCertificateCommand.from(null))).toBe('body');
    expect(fieldOf(() => IssueCertificateCommand.from({ profile: 'root-ca', orgCode: '1', csrPem: 'x' }))).toBe('profile');
    expect(fieldOf(() => IssueCertificateCommand.from({ profile: 'seal', orgCode: '', csrPem: 'x' }))).toBe('orgCode');
    expect(fieldOf(() => IssueCertificateCommand.from({ profile: 'seal', orgCode: '1', personId: '2', csrPem: 'x' }))).toBe('personId');
    expect(fieldOf(() => IssueCertificateCommand.from({ profile: 'person', orgCode: '1' }))).toBe('csrPem');
    expect(fieldOf(() => IssueCertificateCommand.from({ profile: 'person', orgCode: '1', csrPem: 'x'.repeat(20_000) }))).toBe('csrPem');
    expect(IssueCertificateCommand.from({ profile: 'person', orgCode: ' 31000101 ', csrPem: 'x' })).toMatchObject({ orgCode: '31000101', personId: undefined });
  });

  it('validates revocation: RFC 5280 reason names, no certificateHold, a past invalidityDate', () => {
    expect(RevokeCertificateCommand.from({ reason: 'keyCompromise', invalidityDate: '2026-01-02' })).toMatchObject({ reason: 'keyCompromise' });
    for (const reason of ['certificateHold', 'removeFromCRL', 'stolen', undefined]) expect(fieldOf(() => RevokeCertificateCommand.from({ reason }))).toBe('reason');
    for (const invalidityDate of ['yesterday', '2999-01-01', 5]) expect(fieldOf(() => RevokeCertificateCommand.from({ reason: 'superseded', invalidityDate }))).toBe('invalidityDate');
  });

  it('lets renewal go without a CSR, and normalises serials as people copy them', () => {
    expect(RenewCertificateCommand.from(undefined).csrPem).toBeUndefined();
    expect(fieldOf(() => RenewCertificateCommand.from({ csrPem: 7 }))).toBe('csrPem');
    expect(serialParam('4A:0B:FF')).toBe('4a0bff');
    expect(serialParam('0080')).toBe('80');
    expect(fieldOf(() => serialParam('xyz'))).toBe('serial');
  });

  it('maps CSR problems to their codes', () => {
    const codeOf = (pem: string) => {
      try {
        checkCertificationRequest(pem);
      } catch (err) {
        return (err as { code: string }).code;
      }
    };
    expect(codeOf('not a CSR')).toBe('IDENTITY.CSR_INVALID');
  });
});
