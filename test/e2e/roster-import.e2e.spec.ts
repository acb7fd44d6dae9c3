import { decodeEvent, Topics } from '@edu/contracts';
import { makeSectorId } from '@edu/ids';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, schoolToken, tokenFor } from '../support/api.js';
import { consumeUntil, topicEnds } from '../support/kafka.js';
import { pollUntil } from '../support/poll.js';
import { demoClient, URLS } from '../support/stack.js';

const HEADER = 'student_id,personal_id,full_name,date_of_birth,gender,school_code,class_name,grade,school_year';

interface ImportView {
  id: string;
  status: string;
  rows: { read: number; valid: number | null; applied: number; unchanged: number };
  problemCount: number;
  problems: Array<{ row: number; field: string | null; code: string; message: { vi: string; en: string } }>;
}

/** Fresh sector IDs for each run (serials above the demo data's); young pupils need no personal ID. */
const serial = 8_000_000 + Math.floor(Math.random() * 990_000);
const pupil = (n: number, school = '31000101', className = '10A1') =>
  `${makeSectorId('31', serial + n)},,Phạm Thị Ngọc Ánh ${n},2010-0${(n % 9) + 1}-15,NU,${school},${className},10,2025-2026`;
const studentId = (n: number) => makeSectorId('31', serial + n);

describe('roster import over HTTP', () => {
  let operator: string;

  const upload = (body: string, query = '', token = operator) =>
    call<ImportView & { code?: string; field?: string }>('POST', `/v1/roster-imports${query}`, {
      base: URLS.identity,
      token,
      raw: Buffer.from(body),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const finished = (id: string) =>
    pollUntil(
      async () => (await call<ImportView>('GET', `/v1/roster-imports/${id}`, { base: URLS.identity, token: operator })).body,
      (v) => ['DONE', 'REJECTED', 'FAILED'].includes(v.status),
      { what: `roster import ${id} to finish` },
    );

  beforeAll(async () => {
    operator = await tokenFor(demoClient('operator'));
  });

  it('accepts a streamed CSV with a BOM (202), applies it, and announces a transfer with the previous school', async () => {
    const created = await upload(`\uFEFF${HEADER}\r\n${pupil(1)}\r\n${pupil(2)}\r\n`);
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect(created.body).toMatchObject({ id: expect.any(String), status: 'RECEIVED' });
    expect(await finished(created.body.id)).toMatchObject({ status: 'DONE', rows: { read: 2, valid: 2, applied: 2, unchanged: 0 }, problemCount: 0 });

    const again = await upload(`${HEADER}\n${pupil(1)}\n${pupil(2)}\n`);
    expect(await finished(again.body.id)).toMatchObject({ status: 'DONE', rows: { applied: 0, unchanged: 2 } });

    const from = await topicEnds(Topics.StudentEnrolled);
    const moved = await upload(`${HEADER}\n${pupil(1, '31000102', '10A5')}\n`);
    expect(await finished(moved.body.id)).toMatchObject({ status: 'DONE', rows: { applied: 1 } });
    const seen = await consumeUntil(
      Topics.StudentEnrolled,
      (ms) => ms.some((m) => m.key?.toString() === studentId(1)),
      60_000,
      from,
    );
    const event = decodeEvent(Topics.StudentEnrolled, seen.find((m) => m.key?.toString() === studentId(1))!.value!).payload;
    expect(event).toMatchObject({ studentId: studentId(1), schoolCode: '31000102', className: '10A5', previousSchoolCode: '31000101' });
  });

  it('rejects a file with a bad row all or nothing, with a downloadable report', async () => {
    const created = await upload(`${HEADER}\n${pupil(3)}\n${pupil(4).replace(',10,2025-2026', ',7,2025-2026')}\n`);
    const view = await finished(created.body.id);
    expect(view).toMatchObject({ status: 'REJECTED', rows: { read: 2, valid: 1, applied: 0 }, problemCount: 1 });
    expect(view.problems[0]).toMatchObject({ row: 2, field: 'grade', code: 'IDENTITY.GRADE_OUT_OF_RANGE' });

    const csv = await call('GET', `/v1/roster-imports/${created.body.id}/report.csv`, { base: URLS.identity, token: operator });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFrow,field,code,message_vi,message_en')).toBe(true);
    expect(text).toContain('2,grade,IDENTITY.GRADE_OUT_OF_RANGE,Khối 7');
    const json = await call<{ problems: unknown[] }>('GET', `/v1/roster-imports/${created.body.id}/report.json`, { base: URLS.identity, token: operator });
    expect(json.body.problems).toHaveLength(1);
  });

  it('refuses a wrong header outright with the column at fault, and an unknown import with 404', async () => {
    const res = await upload(`${HEADER.replace('grade', 'khoi')}\n${pupil(5)}\n`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDENTITY.CSV_HEADER', field: 'grade', message: { vi: expect.stringContaining('grade') } });
    const missing = await call<{ code: string }>('GET', '/v1/roster-imports/01a20000-0000-7000-8000-000000000000', { base: URLS.identity, token: operator });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('IDENTITY.ROSTER_IMPORT_NOT_FOUND');
  });

  it('is for operators only: a school token gets 403', async () => {
    const res = await upload(`${HEADER}\n${pupil(6)}\n`, '', await schoolToken(0));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.SCOPE_MISSING');
  });
});
