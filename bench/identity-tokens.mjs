// Token issuance at identity: client-credentials tokens per second for one demo school client (client_secret_basic),
// with latency percentiles. Run alone: `node bench/identity-tokens.mjs [--duration-ms 10000] [--concurrency 16]`.
// Figures, never pass/fail. Requests go to the local identity only and stop at the deadline.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { demoClients, fmt, IDENTITY, percentile } from './lib.mjs';

/** Asks for tokens with `concurrency` requests in flight for `durationMs`; counts the 200s. */
export async function tokensPerSecond({ durationMs = 10_000, concurrency = 16, base = IDENTITY } = {}) {
  const client = demoClients().find((c) => c.role === 'school');
  if (!client) throw new Error('no demo school client in .edu/demo-clients.json');
  const authorization = `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
  const latencies = [];
  let tokens = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await fetch(`${base}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        body: 'grant_type=client_credentials',
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status === 200) tokens++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    tokensPerSecond: tokens / (elapsedMs / 1000),
    tokens,
    failed,
    concurrency,
    elapsedMs,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'duration-ms': { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '16' } } });
  const r = await tokensPerSecond({ durationMs: Number(values['duration-ms']), concurrency: Number(values.concurrency) });
  console.log(`==> bench: identity tokens — ${r.tokens} tokens in ${fmt(r.elapsedMs / 1000)} s at concurrency ${r.concurrency} (${r.failed} failed)`);
  console.log(`    ${fmt(r.tokensPerSecond)} tokens/s; latency p50 / p95 / p99 ${fmt(r.latencyMs.p50)} / ${fmt(r.latencyMs.p95)} / ${fmt(r.latencyMs.p99)} ms`);
}
