import type { EntityManager } from '@edu/persistence';
import { makeSectorId } from '@edu/ids';
import { describe, expect, it } from 'vitest';
import type { RegisteredOrganisation, RegisteredSigner, SignerDirectory } from './signer-directory.js';
import { SubjectPolicy, type SubjectRequest } from './subject-policy.js';

const ORG = { code: '31000101', name: 'Trường THPT Trần Phú', status: 'ACTIVE' };
const TEACHER = makeSectorId('31', 1234);
const em = {} as EntityManager;

/** The registry as the policy sees it: one school, one teacher of it. */
class FakeDirectory implements Pick<SignerDirectory, 'organisation' | 'signer'> {
  constructor(private readonly orgs: RegisteredOrganisation[] = [ORG]) {}
  async organisation(_em: EntityManager, code: string) {
    return this.orgs.find((o) => o.code === code);
  }
  async signer(_em: EntityManager, personId: string, orgCode: string): Promise<RegisteredSigner | undefined> {
    return personId === TEACHER && orgCode === ORG.code ? { personId, fullName: 'Nguyễn Thị Đào', role: 'TEACHER' } : undefined;
  }
}

const policy = (directory = new FakeDirectory()) => new SubjectPolicy(directory as unknown as SignerDirectory);
const refusal = (req: SubjectRequest, p = policy()) =>
  p.approve(em, req).then(() => undefined, (err: { code: string; field: string }) => ({ code: err.code, field: err.field }));

describe('SubjectPolicy', () => {
  it('builds a person subject from the registry, accepting the name in plain upper case', async () => {
    const approved = await policy().approve(em, { profile: 'person', orgCode: ORG.code, requested: { commonName: 'NGUYEN THI DAO', serialNumber: TEACHER, organization: 'TRUONG THPT TRAN PHU' } });
    expect(approved).toEqual({ personId: TEACHER, subject: { commonName: 'Nguyễn Thị Đào', serialNumber: TEACHER, organization: ORG.name, country: 'VN' } });
  });

  it('names the subject field that does not match', async () => {
    const person = (requested: SubjectRequest['requested'], personId?: string) => refusal({ profile: 'person', orgCode: ORG.code, personId, requested });
    expect(await person({ commonName: 'Nguyễn Văn Khác', serialNumber: TEACHER })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.CN' });
    expect(await person({ serialNumber: TEACHER, organization: 'Trường khác' })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.O' });
    expect(await person({ commonName: 'X' })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
    expect(await person({ serialNumber: '3100001235' })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
    expect(await person({ serialNumber: makeSectorId('31', 99) })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
    expect(await person({ serialNumber: makeSectorId('31', 99) }, TEACHER)).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
    expect(await person({}, makeSectorId('31', 99))).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'personId' });
  });

  it('takes the sector ID from personId when the CSR carries none', async () => {
    expect((await policy().approve(em, { profile: 'person', orgCode: ORG.code, personId: TEACHER, requested: { commonName: 'Nguyễn Thị Đào' } })).personId).toBe(TEACHER);
  });

  it('binds seals, TSA and OCSP certificates to the organisation code', async () => {
    const seal = await policy().approve(em, { profile: 'seal', orgCode: ORG.code, requested: { serialNumber: ORG.code } });
    expect(seal.subject).toEqual({ commonName: ORG.name, organization: ORG.name, organizationalUnit: ORG.code, serialNumber: ORG.code, country: 'VN' });
    const tsa = await policy().approve(em, { profile: 'tsa', orgCode: ORG.code, requested: { serialNumber: ORG.code, commonName: 'TSA 1' } });
    expect(tsa.subject.commonName).toBe('TSA 1');
    expect(await refusal({ profile: 'seal', orgCode: ORG.code, requested: { serialNumber: '31000102' } })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.serialNumber' });
    expect(await refusal({ profile: 'seal', orgCode: ORG.code, requested: { serialNumber: ORG.code, commonName: 'Trường khác' } })).toEqual({ code: 'IDENTITY.CSR_SUBJECT_MISMATCH', field: 'csrPem.subject.CN' });
  });

  it('refuses unknown and closed organisations', async () => {
    expect(await refusal({ profile: 'seal', orgCode: '99999999', requested: {} })).toEqual({ code: 'IDENTITY.UNKNOWN_ORGANISATION', field: 'orgCode' });
    const closed = policy(new FakeDirectory([{ ...ORG, status: 'CLOSED' }]));
    expect(await refusal({ profile: 'seal', orgCode: ORG.code, requested: { serialNumber: ORG.code } }, closed)).toEqual({ code: 'IDENTITY.ORGANISATION_CLOSED', field: 'orgCode' });
  });
});
