import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startKendali } from '../support/process.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kendali-e2e-acc-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const login = (url: string, name: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });

describe('accounts from the command line', () => {
  const dataDir = tempDir();
  const env = { KENDALI_DATA_DIR: dataDir, KENDALI_DEMO: '0', LOG_LEVEL: 'warn' };
  let adminPassword = '';
  let budiPassword = '';
  let token = '';

  it('user add on a new data directory creates admin (password shown once) and the user', async () => {
    const r = await runCli(
      ['user', 'add', 'budi', '--email', 'Budi@Example.go.id', '--fullname', 'Budi Santoso'],
      env,
    );
    expect(r.stderr).toContain('kendali: created the sysadmin "admin" with this generated password:');
    expect(r.stderr).toContain('kendali: this password will not be shown again.');
    expect(r.stderr).toMatch(/kendali: created user budi \([0-9a-f-]{36}\)/);
    expect(r.code).toBe(0);
    adminPassword = /generated password:\n\n {4}(\S+)\n/.exec(r.stderr)?.[1] ?? '';
    expect(adminPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    budiPassword = r.stdout.trim();
    expect(budiPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const again = await runCli(['user', 'add', 'budi', '--email', 'x@example.go.id'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('name: Nama login itu tidak tersedia');
    expect(again.stderr).not.toContain('generated password');
  });

  it('token create prints only the token; user list shows the accounts', async () => {
    const r = await runCli(['token', 'create', '--user', 'budi', '--name', 'ci', '--expires-in', '30'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kdl_[A-Za-z0-9_-]{43}\n$/);
    token = r.stdout.trim();
    const list = await runCli(['user', 'list'], env);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/).slice(0, 3)),
    ).toEqual([
      ['admin', 'sysadmin', '-'],
      ['budi', '-', 'budi@example.go.id'],
    ]);
    const bad = await runCli(['token', 'create', '--user', 'budi', '--expires-in', 'soon'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"soon" is not a whole number of days');
  });

  it('the server accepts the token and both passwords; the CLI is refused while it runs', async () => {
    const k = await startKendali(dataDir, { env: { KENDALI_DEMO: '0' } });
    try {
      expect(k.output()).not.toContain('generated password');
      const show = await fetch(`${k.url}/api/3/action/user_show?id=budi`, {
        headers: { authorization: token },
      });
      expect(show.status).toBe(200);
      expect(((await show.json()) as { result: { email: string } }).result.email).toBe('budi@example.go.id');
      expect((await login(k.url, 'admin', adminPassword)).status).toBe(200);
      expect((await login(k.url, 'budi', budiPassword)).status).toBe(200);
      const busy = await runCli(['token', 'create', '--user', 'budi'], env);
      expect(busy.code).toBe(1);
      expect(busy.stdout).toBe('');
      expect(busy.stderr.trim()).toMatch(/^kendali: direktori data .* sedang dipakai proses \d+/);
    } finally {
      expect((await k.stop()).code).toBe(0);
    }
  });

  it('token list and revoke', async () => {
    const list = await runCli(['token', 'list', '--user', 'budi'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(token);
    const id = list.stdout.split(/\s+/)[0] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const revoke = await runCli(['token', 'revoke', id], env);
    expect(revoke.code).toBe(0);
    expect((await runCli(['token', 'list', '--user', 'budi'], env)).stdout).toBe('');
  });
});

describe('first start with KENDALI_ADMIN_PASSWORD', () => {
  it('creates admin with that password and does not print it', async () => {
    const k = await startKendali(tempDir(), {
      env: { KENDALI_DEMO: '0', KENDALI_ADMIN_PASSWORD: 'rahasia-admin-uji' },
    });
    try {
      expect(k.output()).toContain(
        'kendali: created the sysadmin "admin" with the password from KENDALI_ADMIN_PASSWORD',
      );
      expect(k.output()).not.toContain('rahasia-admin-uji');
      expect((await login(k.url, 'admin', 'rahasia-admin-uji')).status).toBe(200);
    } finally {
      expect((await k.stop()).code).toBe(0);
    }
  });

  it('refuses a password that is too short before opening anything', async () => {
    const r = await runCli(['start'], {
      KENDALI_DATA_DIR: tempDir(),
      KENDALI_ADMIN_PASSWORD: 'pendek',
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'kendali: invalid configuration: KENDALI_ADMIN_PASSWORD must have at least 8 characters',
    ]);
  });
});
