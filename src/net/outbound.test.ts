/**
 * Outbound requests to URLs users name reach public addresses only (server-side request
 * forgery): real requests through the harvest client to a server on this machine, which must
 * never see them, and the actions that register sources.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices } from '../../test/support/services.js';
import { loadConfig } from '../config/load.js';
import { ckanGet, downloadToFile, RemoteError } from '../harvest/client.js';
import { configureOutbound, OUTBOUND_ALLOW_ENV, OutboundPolicy, outboundRefusal } from './outbound.js';

const limits = { timeoutMs: 5_000, maxBytes: 1_000_000 };

let server: Server;
let port: number;
/** Paths the fixture server was asked for. */
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.startsWith('/pindah')) {
      // A redirect to another address of this machine.
      res.writeHead(302, { location: `http://127.0.0.2:${port}/api/3/action/status_show` });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: true, result: { site_title: 'Portal Uji' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  // Back to the allowance the test run sets (vitest.config.ts) for the other files' fixtures.
  configureOutbound(process.env[OUTBOUND_ALLOW_ENV]);
  seen.length = 0;
});

describe('the outbound policy', () => {
  it('refuses every address that is not public unicast, an IPv4-mapped one as the IPv4 it carries', () => {
    const policy = OutboundPolicy.parse(undefined);
    const refused = [
      ['127.0.0.1', 'loopback'],
      ['127.9.9.9', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'link-local'],
      ['fd00:ec2::254', 'unique local'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
    ] as const;
    for (const [address, words] of refused)
      expect(policy.refusal('portal.example', address)?.message, address).toContain(words);
    for (const address of ['36.86.63.182', '8.8.8.8', '2001:4860:4860::8888', '::ffff:36.86.63.182'])
      expect(policy.refusal('portal.example', address), address).toBeUndefined();
  });

  it('lets through the hosts, addresses and networks the operator names, and no others', () => {
    const policy = OutboundPolicy.parse('portal.intranet.go.id, 10.20.0.0/16 127.0.0.1,[fd00::1]');
    expect(policy.allowsHost('PORTAL.intranet.go.id')).toBe(true);
    expect(policy.allowsHost('lain.intranet.go.id')).toBe(false);
    expect(policy.refusal('x', '10.20.5.6')).toBeUndefined();
    expect(policy.refusal('x', '10.21.0.1')).toBeDefined();
    expect(policy.refusal('x', '127.0.0.1')).toBeUndefined();
    expect(policy.refusal('x', '::ffff:127.0.0.1')).toBeUndefined();
    expect(policy.refusal('x', '127.0.0.2')).toBeDefined();
    expect(policy.refusal('x', 'fd00::1')).toBeUndefined();
    expect(policy.refusal('x', 'fd00::2')).toBeDefined();
    expect(outboundRefusal(new URL('http://10.20.0.9/'), policy)).toBeUndefined();
    expect(outboundRefusal(new URL('http://10.30.0.9/'), policy)?.message).toContain('10.30.0.9');
  });

  it('fails the configuration on an entry that is no host, address or network, naming it', () => {
    expect(() => OutboundPolicy.parse('10.0.0.0/40')).toThrow(/"10.0.0.0\/40" is not a network/);
    expect(() => loadConfig({ [OUTBOUND_ALLOW_ENV]: 'portal.go.id, http://x/' })).toThrow(
      /KENDALI_OUTBOUND_ALLOW="portal.go.id, http:\/\/x\/" .*"http:\/\/x\/" is a URL; name its host/,
    );
    expect(loadConfig({ [OUTBOUND_ALLOW_ENV]: ' 10.0.0.0/8 ' }).outboundAllow).toBe('10.0.0.0/8');
    expect(loadConfig({}).outboundAllow).toBeUndefined();
  });
});

describe('requests through the harvest client', () => {
  const api = (host: string) => `http://${host}:${port}/api/3/action/status_show`;

  it('never reach this machine by address, by name, as a decimal number or as IPv4-mapped IPv6', async () => {
    configureOutbound(undefined);
    for (const host of ['127.0.0.1', 'localhost', '2130706433', '[::ffff:127.0.0.1]']) {
      const e = await ckanGet(api(host), limits).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e, host).toBeInstanceOf(RemoteError);
      expect((e as Error).message, host).toMatch(
        /: refused: .*loopback address \(this machine\), not a public one/,
      );
      expect((e as Error).message, host).toContain(OUTBOUND_ALLOW_ENV);
    }
    expect(seen).toEqual([]);
  });

  it('reach an allowed address, and refuse a redirect from it to one that is not allowed', async () => {
    configureOutbound('127.0.0.1');
    expect(await ckanGet(api('127.0.0.1'), limits)).toEqual({ site_title: 'Portal Uji' });
    await expect(ckanGet(`http://127.0.0.1:${port}/pindah`, limits)).rejects.toThrow(
      /refused: 127\.0\.0\.2 is a loopback address/,
    );
    // The redirect was asked for; its target never was (nothing listens on 127.0.0.2 either, but
    // the refusal comes first and says why).
    expect(seen).toEqual(['/api/3/action/status_show', '/pindah']);
  });

  it('download no resource from a refused address and leave no file', async () => {
    configureOutbound(undefined);
    const dir = mkdtempSync(join(tmpdir(), 'kendali-outbound-'));
    try {
      const path = join(dir, 'unduhan.csv');
      await expect(
        downloadToFile(`http://127.0.0.1:${port}/data.csv`, path, { ...limits, refuseHtml: true }),
      ).rejects.toThrow(
        /GET http:\/\/127\.0\.0\.1:\d+\/data\.csv: refused: 127\.0\.0\.1 is a loopback address/,
      );
      expect(existsSync(path)).toBe(false);
      expect(seen).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('registering a source', () => {
  it('refuses, on the url field, a harvest or media source at an address that is not public', async () => {
    configureOutbound(undefined);
    const t = await openTestServices('pglite');
    try {
      await t.registry.call('organization_create', systemCtx(t), { name: 'jabar', title: 'Jawa Barat' });
      const metadata = 'http://169.254.169.254/latest/meta-data/';
      for (const [action, input] of [
        ['harvest_source_create', { name: 'metadata', type: 'ckan', url: metadata, owner_org: 'jabar' }],
        ['media_source_create', { name: 'metadata', url: metadata, owner_org: 'jabar' }],
      ] as const) {
        const e = await t.registry.call(action, systemCtx(t), input).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e, action).toMatchObject({ code: 'VALIDATION' });
        expect(JSON.stringify(e), action).toMatch(/url.*169\.254\.169\.254 is a link-local address/);
      }
      // A public address is taken as before.
      await expect(
        t.registry.call('harvest_source_create', systemCtx(t), {
          name: 'publik',
          type: 'ckan',
          url: 'http://36.86.63.182/',
          owner_org: 'jabar',
        }),
      ).resolves.toMatchObject({ name: 'publik' });
    } finally {
      await t.cleanup();
    }
  });
});
