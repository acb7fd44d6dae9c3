// The document benchmark's province: a generated slice of Hải Phòng (demo-data), imported through identity like a
// real roster, with an API client per school and, for the classes whose records are submitted, the homeroom teachers
// and principals signed in with keys in custody. Distinct students, so no record supersedes another.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { operatorToken } from '../deploy/local/roster-import.mjs';
import { createConsoleClient, openSignerSession } from '../deploy/local/signer-session.mjs';
import { importOrganisations, rosterImport } from './identity-roster.mjs';
import { ENV, IDENTITY, pool, ROOT } from './lib.mjs';

const SIGNING = ENV.SIGNING_URL ?? 'http://127.0.0.1:8082';
const PASSWORD = 'phấn trắng bảng đen';
const PIN = '246810';

function rows(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split(',');
  // The generated CSVs quote only addresses; the columns read here never hold a comma.
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

async function until(what, probe, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Classes (grade ≥ 1: a học bạ is for pupils) in file order until `documents` students are covered. */
function chooseClasses(students, documents) {
  const classes = new Map();
  for (const s of students) {
    if (Number(s.grade) < 1) continue;
    const key = `${s.school_code}|${s.class_name}`;
    if (!classes.has(key)) classes.set(key, { schoolCode: s.school_code, className: s.class_name, students: [] });
    classes.get(key).students.push(s.student_id);
  }
  const chosen = [];
  let covered = 0;
  for (const c of classes.values()) {
    if (covered >= documents) break;
    chosen.push(c);
    covered += c.students.length;
  }
  return chosen;
}

export async function prepareProvince({ documents, log }) {
  const dir = `${ROOT}.edu/bench/province-${documents}`;
  if (!existsSync(`${dir}/students.csv`)) {
    const students = Math.ceil(documents * 1.25);
    execFileSync(`${ROOT}edu`, ['demo-data', '--province', 'Hải Phòng', '--schools', String(Math.max(8, Math.ceil(students / 400))),
      '--teachers', String(Math.ceil(students / 12)), '--students', String(students), '--seed', '7', '--out', dir], { stdio: 'inherit' });
  }
  log(`importing ${dir} (organisations, students, teachers, assignments; unchanged rows are skipped)`);
  await importOrganisations(`${dir}/organisations.csv`);
  for (const kind of ['students', 'teachers', 'assignments']) {
    const r = await rosterImport({ file: `${dir}/${kind}.csv`, kind, mode: 'all-or-nothing' });
    if (r.status !== 'DONE') throw new Error(`${kind} import ${r.status}`);
  }

  const classes = chooseClasses(rows(`${dir}/students.csv`), documents);
  const studentIds = classes.flatMap((c) => c.students).slice(0, documents);
  const schools = [...new Set(classes.map((c) => c.schoolCode))];
  const assignments = rows(`${dir}/assignments.csv`).filter((a) => a.subject === 'CHU_NHIEM');
  const staff = rows(`${dir}/teachers.csv`);
  const people = [
    ...schools.map((code) => staff.find((p) => p.org_code === code && p.role === 'PRINCIPAL')),
    ...classes.map((c) => staff.find((p) => p.person_id === assignments.find((a) => a.school_code === c.schoolCode && a.class_name === c.className)?.person_id)),
  ].map((p) => ({ personId: p.person_id, orgCode: p.org_code, role: p.role }));

  const db = new pg.Pool({ connectionString: ENV.DATABASE_URL, max: 2 });
  try {
    log(`waiting for signing to know ${classes.length} homeroom teachers and ${schools.length} schools' seals`);
    await until('the assignments in signing', async () => {
      const { rows: [r] } = await db.query(
        `SELECT count(*)::int AS n FROM signing.assignments WHERE subject = 'CHU_NHIEM' AND (school_code || '|' || class_name) = ANY($1::text[])`,
        [classes.map((c) => `${c.schoolCode}|${c.className}`)],
      );
      return r.n >= classes.length;
    });
    await until('active seals', async () => {
      const { rows: [r] } = await db.query(`SELECT count(DISTINCT org_code)::int AS n FROM signing.seal_keys WHERE status = 'ACTIVE' AND org_code = ANY($1::text[])`, [schools]);
      return r.n === schools.length;
    });
  } finally {
    await db.end();
  }

  const operator = await operatorToken();
  const clients = Object.fromEntries(
    await Promise.all(schools.map(async (orgCode) => {
      const res = await fetch(`${IDENTITY}/v1/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
        body: JSON.stringify({ orgCode, role: 'school' }),
      });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`client for ${orgCode}: ${res.status} ${JSON.stringify(body)}`);
      return [orgCode, { client_id: body.clientId, client_secret: body.clientSecret }];
    })),
  );

  log(`signing in ${people.length} signers and enrolling their keys`);
  const consoleClientId = await createConsoleClient({ identityUrl: IDENTITY, operatorToken: operator, orgCode: '31000000' });
  const signers = [];
  await pool(people.length, 8, async (i) => {
    signers.push(await openSignerSession({ identityUrl: IDENTITY, signingUrl: SIGNING, operatorToken: operator, consoleClientId, person: people[i], password: PASSWORD, pin: PIN, timeoutMs: 120_000 }));
  });
  const schoolOf = new Map(classes.flatMap((c) => c.students.map((s) => [s, c.schoolCode])));
  return { studentIds, schoolOf, clients, signers };
}

/** Signers at work: each one, in turn, approves whatever waits for them (up to 200 per call) until `done()`.
 * Returns the approval calls and the task-list reads it made. */
export async function approveUntil({ signers, done, onError }) {
  let approvals = 0;
  let polls = 0;
  while (!done()) {
    let busy = false;
    await pool(signers.length, 8, async (i) => {
      const s = signers[i];
      const headers = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
      polls++;
      const page = await (await fetch(`${SIGNING}/v1/signing-tasks?state=PENDING&limit=200`, { headers })).json();
      if (!page.items?.length) return;
      busy = true;
      const res = await fetch(`${SIGNING}/v1/signing-tasks/approve`, { method: 'POST', headers, body: JSON.stringify({ taskIds: page.items.map((t) => t.taskId), pin: s.pin }) });
      if (res.status === 200) approvals++;
      else if (res.status !== 409) onError(`approve as ${s.personId}: ${res.status} ${await res.text()}`);
    });
    if (!busy) await new Promise((r) => setTimeout(r, 200));
  }
  return { approvals, polls };
}
