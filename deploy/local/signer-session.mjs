// A teacher's or principal's own session, for the tests and the benchmarks: a console user for the person, a sign-in
// with authorization code + PKCE, and a signing key in custody enrolled with a PIN and certified by identity.
import { createHash, randomBytes } from 'node:crypto';

const REDIRECT = 'http://127.0.0.1:5173/callback';

async function json(res, what) {
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, what };
}

/** A public console client (PKCE, no secret) of the Sở that people sign in through. */
export async function createConsoleClient({ identityUrl, operatorToken, orgCode }) {
  const res = await json(
    await fetch(`${identityUrl}/v1/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orgCode, role: 'operator', authMethod: 'none', redirectUris: [REDIRECT] }),
    }),
  );
  if (res.status !== 201) throw new Error(`console client: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.clientId;
}

/** The person's user (made once: 409 means it exists) and a token for them with scope `signing`. */
async function signIn({ identityUrl, operatorToken, consoleClientId, person, password }) {
  const username = `signer.${person.personId}`;
  const made = await json(
    await fetch(`${identityUrl}/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username, orgCode: person.orgCode, role: person.role === 'PRINCIPAL' ? 'principal' : 'teacher', personId: person.personId, password }),
    }),
  );
  if (made.status !== 201 && made.status !== 409) throw new Error(`user for ${person.personId}: ${made.status} ${JSON.stringify(made.body)}`);
  const verifier = randomBytes(32).toString('base64url');
  const query = {
    response_type: 'code', client_id: consoleClientId, redirect_uri: REDIRECT, scope: 'documents:read signing', state: 's',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  };
  const res = await fetch(`${identityUrl}/oauth2/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...query, username, password }),
  });
  if (res.status !== 303) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const code = new URL(res.headers.get('location')).searchParams.get('code');
  const token = await json(
    await fetch(`${identityUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: consoleClientId, redirect_uri: REDIRECT, code, code_verifier: verifier }),
    }),
  );
  if (token.status !== 200) throw new Error(`token of ${username}: ${token.status} ${JSON.stringify(token.body)}`);
  return token.body.access_token;
}

/**
 * Signs the person in and, unless their key is already enrolled, enrols it with `pin`, then waits until identity has
 * certified it. Signing learns of people through identity's events, so enrolment is retried until it is accepted.
 */
export async function openSignerSession({ identityUrl, signingUrl, operatorToken, consoleClientId, person, password, pin, timeoutMs = 60_000 }) {
  const token = await signIn({ identityUrl, operatorToken, consoleClientId, person, password });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const mine = async () => json(await fetch(`${signingUrl}/v1/signing-keys/me`, { headers }));
  const deadline = Date.now() + timeoutMs;
  let state = await mine();
  while (state.body?.status !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error(`no certified signing key for ${person.personId}: ${JSON.stringify(state.body)}`);
    if (state.status === 200 && state.body.status === 'NONE')
      await fetch(`${signingUrl}/v1/signing-keys`, { method: 'POST', headers, body: JSON.stringify({ pin }) });
    await new Promise((r) => setTimeout(r, 200));
    state = await mine();
  }
  return { personId: person.personId, orgCode: person.orgCode, token, pin };
}
