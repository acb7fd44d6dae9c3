import { demoStaff, type DemoStaffMember } from '../../apps/identity/src/modules/seed/demo-province.js';
import { createConsoleClient, openSignerSession } from '../../deploy/local/signer-session.mjs';
import { call, tokenFor } from './api.js';
import { pollUntil } from './poll.js';
import { demoClient, URLS } from './stack.js';

const PASSWORD = 'mực tím trên trang vở';
export const DEMO_PIN = '246810';

export interface SignerSession {
  personId: string;
  orgCode: string;
  token: string;
  pin: string;
}

let consoleClient: Promise<string> | undefined;
const sessions = new Map<string, Promise<SignerSession>>();

/**
 * The demo school's principal, or the homeroom teacher or Toán teacher (SUBJECT) of one of its classes (as the seed
 * made them).
 */
export function demoSigner(orgCode: string, role: 'PRINCIPAL' | 'HOMEROOM' | 'SUBJECT', className?: string): DemoStaffMember {
  const { staff, homerooms, subjectTeachers } = demoStaff();
  const teachers = role === 'SUBJECT' ? subjectTeachers : homerooms;
  const personId =
    role === 'PRINCIPAL'
      ? staff.find((s) => s.orgCode === orgCode && s.role === 'PRINCIPAL')?.personId
      : teachers.find((h) => h.schoolCode === orgCode && (!className || h.className === className))?.personId;
  const member = staff.find((s) => s.personId === personId);
  if (!member) throw new Error(`no demo ${role} at ${orgCode}${className ? ` for ${className}` : ''}`);
  return member;
}

/**
 * A person's own session: a console user for them (made once), a sign-in with authorization code + PKCE, and their
 * signing key enrolled with DEMO_PIN and certified by identity. Cached per person for the test run.
 */
export function signerSession(member: DemoStaffMember): Promise<SignerSession> {
  let session = sessions.get(member.personId);
  if (!session) {
    session = openSession(member);
    session.catch(() => sessions.delete(member.personId));
    sessions.set(member.personId, session);
  }
  return session;
}

async function openSession(member: DemoStaffMember): Promise<SignerSession> {
  const operatorToken = await tokenFor(demoClient('operator'));
  const consoleClientId = await (consoleClient ??= createConsoleClient({ identityUrl: URLS.identity, operatorToken, orgCode: '31000000' }));
  return openSignerSession({
    identityUrl: URLS.identity, signingUrl: URLS.signing, operatorToken, consoleClientId, person: member, password: PASSWORD, pin: DEMO_PIN,
  });
}

interface TaskPage {
  items: Array<{ taskId: string; documentId: string }>;
  nextCursor: string | null;
  hasMore: boolean;
}

/** Every task waiting for this person (all pages). */
export async function pendingTasks(session: SignerSession): Promise<TaskPage['items']> {
  const items: TaskPage['items'] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/v1/signing-tasks?state=PENDING&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await call<TaskPage>('GET', query, { base: URLS.signing, token: session.token });
    if (page.status !== 200) throw new Error(`tasks of ${session.personId}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.hasMore ? page.body.nextCursor : null;
  } while (cursor);
  return items;
}

/**
 * Signs documents the way their school does: its teachers and its principal approve their pending tasks
 * (in batches, with the PIN) until every workflow has ended; the seal follows the last approval by itself.
 */
export async function signDocuments(issuerCode: string, documentIds: string[], opts: { timeoutMs?: number } = {}): Promise<void> {
  const { staff, homerooms, subjectTeachers } = demoStaff();
  const teachers = new Set([...homerooms, ...subjectTeachers].filter((h) => h.schoolCode === issuerCode).map((h) => h.personId));
  const members = [demoSigner(issuerCode, 'PRINCIPAL'), ...staff.filter((s) => teachers.has(s.personId))];
  const people = await Promise.all(members.map(signerSession));
  const principal = people[0];
  const open = new Set(documentIds);
  await pollUntil(
    async () => {
      for (const person of people) {
        const mine = (await pendingTasks(person)).filter((t) => open.has(t.documentId));
        for (let i = 0; i < mine.length; i += 200) {
          const taskIds = mine.slice(i, i + 200).map((t) => t.taskId);
          const res = await call('POST', '/v1/signing-tasks/approve', { base: URLS.signing, token: person.token, body: { taskIds, pin: person.pin } });
          // 409: another step of the poll loop got there first; anything else is a real failure.
          if (res.status !== 200 && res.status !== 409) throw new Error(`approve as ${person.personId}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
      for (const id of [...open]) {
        const flow = await call<{ state: string }>('GET', `/v1/workflows/${id}`, { base: URLS.signing, token: principal.token });
        if (flow.status === 200 && flow.body.state !== 'IN_PROGRESS') open.delete(id);
      }
      return open.size;
    },
    (left) => left === 0,
    { timeoutMs: opts.timeoutMs ?? 120_000, what: `signatures on ${documentIds.length} documents of ${issuerCode}` },
  );
}
