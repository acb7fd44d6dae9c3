import { generateKeyPair, issueCertificate } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdentityTrustAnchors } from './trust-anchors.js';

describe('IdentityTrustAnchors', () => {
  let server: Server;
  let identityUrl: string;
  let requests: string[];
  let down: boolean;
  let clock: number;
  let pems: { chain: string; anchors: string };

  const selfSigned = (commonName: string) => {
    const keys = generateKeyPair('EC-P256');
    return issueCertificate({ profile: 'root-ca', subject: { commonName }, publicKey: keys.publicKey, issuer: { selfSigned: true, privateKey: keys.privateKey } });
  };

  beforeAll(async () => {
    pems = { chain: selfSigned('Issuing stand-in') + selfSigned('Root'), anchors: `${selfSigned('Licensed CA')}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n` };
    server = createServer((req, res) => {
      requests.push(req.url!);
      if (down) res.statusCode = 503;
      res.end(down ? '' : req.url === '/pki/ca/chain.pem' ? pems.chain : req.url === '/pki/trust-anchors.pem' ? pems.anchors : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    identityUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    requests = [];
    down = false;
    clock = 1_000_000;
  });

  const anchors = () => new IdentityTrustAnchors(identityUrl, { refreshMs: 60_000, staleMs: 3_600_000, timeoutMs: 2_000, now: () => clock });
  const subjects = (ders: Buffer[]) => ders.map((der) => /CN=(.+)/.exec(new X509Certificate(der).subject)?.[1]).sort();

  it('reads identity’s CA chain and enabled external anchors, skipping what is not a certificate', async () => {
    expect(subjects(await anchors().current())).toEqual(['Issuing stand-in', 'Licensed CA', 'Root']);
    expect(requests.sort()).toEqual(['/pki/ca/chain.pem', '/pki/trust-anchors.pem']);
  });

  it('asks once for concurrent callers and again only after the refresh period', async () => {
    const source = anchors();
    await Promise.all([source.current(), source.current(), source.current()]);
    expect(requests).toHaveLength(2);
    clock += 59_000;
    await source.current();
    expect(requests).toHaveLength(2);
    clock += 2_000;
    await source.current();
    expect(requests).toHaveLength(4);
  });

  it('keeps serving the last anchors while identity is down, for a while', async () => {
    const source = anchors();
    const first = await source.current();
    down = true;
    clock += 120_000;
    expect(await source.current()).toEqual(first);
    clock += 3_600_000;
    await expect(source.current()).rejects.toMatchObject({ code: 'SIGNING.TRUST_ANCHORS_UNAVAILABLE', kind: 'unavailable' });
  });

  it('is unavailable (503) when identity never answered', async () => {
    down = true;
    const error = await anchors().current().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SIGNING.TRUST_ANCHORS_UNAVAILABLE');
  });
});
