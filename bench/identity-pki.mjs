// OCSP throughput of the running identity service: pre-signed answers (no nonce) against fresh signatures (nonce).
// Issues one throwaway time-stamping certificate through the API (an operator token from .edu/demo-clients.json; a
// TSA certificate rather than a seal, so signing has no seal to bind) and asks about it over POST /pki/ocsp.
// Run alone: node bench/identity-pki.mjs [durationMs] [concurrency]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoClients, IDENTITY, token } from './lib.mjs';

function openssl(dir, args) {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args[0]}: ${run.stderr}`);
  return run.stdout + run.stderr;
}

/** A throwaway certificate of the demo operator's first school, and OCSP requests about it with and without a nonce. */
async function prepare(dir) {
  const operator = demoClients().find((c) => c.role === 'operator');
  const org = demoClients().find((c) => c.role === 'school').org;
  openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-subj', `/CN=bench OCSP subject/serialNumber=${org}`, '-out', 'r.pem']);
  const res = await fetch(`${IDENTITY}/v1/certificates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(operator)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ profile: 'tsa', orgCode: org, csrPem: readFileSync(join(dir, 'r.pem'), 'utf8') }),
  });
  if (res.status !== 201) throw new Error(`issuing the bench certificate: ${res.status} ${await res.text()}`);
  const cert = await res.json();
  writeFileSync(join(dir, 'leaf.pem'), cert.certificatePem);
  writeFileSync(join(dir, 'issuing.pem'), cert.chainPem[0]);
  writeFileSync(join(dir, 'chain.pem'), cert.chainPem.join(''));
  openssl(dir, ['ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-no_nonce', '-reqout', 'cached.der']);
  openssl(dir, ['ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-reqout', 'nonce.der']);
  const nonceRequest = readFileSync(join(dir, 'nonce.der'));
  // OpenSSL puts the 16-byte nonce (OCTET STRING 04 10 ...) last; each request gets a fresh one, as a client would send.
  if (nonceRequest[nonceRequest.length - 18] !== 0x04 || nonceRequest[nonceRequest.length - 17] !== 0x10) throw new Error('unexpected OCSP request layout');
  return { cached: () => readFileSync(join(dir, 'cached.der')), nonce: () => Buffer.concat([nonceRequest.subarray(0, -16), randomBytes(16)]) };
}

/** Checks one answer with OpenSSL, so the figures are for responses a standard client accepts. */
async function checkOne(dir, request) {
  const res = await fetch(`${IDENTITY}/pki/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: request });
  writeFileSync(join(dir, 'req.der'), request);
  writeFileSync(join(dir, 'resp.der'), Buffer.from(await res.arrayBuffer()));
  const out = openssl(dir, ['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-CAfile', 'chain.pem', '-resp_text']);
  if (!out.includes('Response verify OK') || !out.includes('Cert Status: good')) throw new Error(`OCSP answer not accepted:\n${out}`);
}

/**
 * One OCSP POST. A keep-alive socket the server closed just as it was reused ("other side closed", a reset) is retried
 * once on a new one: OCSP requests are safe to repeat.
 */
async function post(body) {
  const send = () => fetch(`${IDENTITY}/pki/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body });
  try {
    return await send();
  } catch (err) {
    if (!['UND_ERR_SOCKET', 'ECONNRESET'].includes(err?.cause?.code)) throw err;
    return send();
  }
}

async function rate(makeRequest, durationMs, concurrency) {
  const until = Date.now() + durationMs;
  let done = 0;
  const started = Date.now();
  const worker = async () => {
    while (Date.now() < until) {
      const res = await post(makeRequest());
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || body.length < 100) throw new Error(`OCSP: ${res.status}, ${body.length} bytes`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((Date.now() - started) / 1000);
}

/** OCSP responses per second against the running identity service: { cached, nonce }. */
export async function ocspResponsesPerSecond({ durationMs = 10_000, concurrency = 16 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocsp-'));
  try {
    const requests = await prepare(dir);
    await checkOne(dir, requests.cached());
    await checkOne(dir, requests.nonce());
    const cached = await rate(requests.cached, durationMs, concurrency);
    const nonce = await rate(requests.nonce, durationMs, concurrency);
    return { cached: Math.round(cached), nonce: Math.round(nonce) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [durationMs = 10_000, concurrency = 16] = process.argv.slice(2).map(Number);
  const figures = await ocspResponsesPerSecond({ durationMs, concurrency });
  console.log(`OCSP responses/s (${concurrency} concurrent, ${durationMs / 1000} s each): pre-signed ${figures.cached}, fresh with nonce ${figures.nonce}`);
}
