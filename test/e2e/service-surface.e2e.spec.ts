import { describe, expect, it } from 'vitest';
import { URLS } from '../support/stack.js';

const services = [
  { name: 'interchange', url: URLS.interchange, paths: ['/v1/documents', '/v1/documents/{id}', '/v1/documents/{id}/content', '/v1/documents/{id}/signatures/{n}', '/v1/documents/{id}/evidence', '/v1/document-types', '/v1/document-types/{type}/schema', '/v1/document-types/{type}/example', '/v1/feed'] },
  { name: 'identity', url: URLS.identity, paths: ['/oauth2/token', '/.well-known/jwks.json', '/pki/ca/chain.pem'] },
  { name: 'signing', url: URLS.signing, paths: ['/v1/seals', '/v1/signatures/{documentId}/{n}'] },
  { name: 'archiving', url: URLS.archiving, paths: [] },
];

describe('every service shows its health, metrics and OpenAPI, and guards the rest', () => {
  for (const s of services) {
    it(`${s.name}: /health, /metrics, /docs and /docs-json`, async () => {
      const health = await fetch(`${s.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'up', service: s.name });

      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      expect(metrics).toMatch(/^# (HELP|TYPE) /m);
      expect(metrics).toContain(`service_name="${s.name}"`);

      const spec = (await (await fetch(`${s.url}/docs-json`)).json()) as { openapi: string; paths: Record<string, unknown> };
      expect(spec.openapi).toMatch(/^3\./);
      for (const path of s.paths) expect(Object.keys(spec.paths), path).toContain(path);
      const ui = await fetch(`${s.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    });
  }

  it('answers 401 with the stable error body on a guarded route without a token', async () => {
    for (const url of [`${URLS.interchange}/v1/feed`, `${URLS.signing}/v1/seals`, `${URLS.interchange}/v1/document-types`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'AUTH.TOKEN_MISSING', field: 'authorization' });
    }
  });
});
