import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KendaliError } from '../core/errors.js';
import { loadConfig, settingsTable } from './load.js';
import { SETTINGS } from './schema.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe(resolve('./data'));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.baseUrl).toBe('http://localhost:8080');
    expect(c.logLevel).toBe('info');
    expect(c.demo).toBe(true);
    expect(c.locale).toBe('id');
  });

  it('reads the environment', () => {
    const c = loadConfig({
      PORT: '9000',
      KENDALI_DEMO: '0',
      DATABASE_URL: 'postgres://u@h:5432/db',
      LOG_LEVEL: 'warn',
    });
    expect(c.port).toBe(9000);
    expect(c.demo).toBe(false);
    expect(c.databaseUrl).toBe('postgres://u@h:5432/db');
    expect(c.baseUrl).toBe('http://localhost:9000');
    expect(c.logLevel).toBe('warn');
  });

  it('fails fast, naming every bad value', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', KENDALI_DEMO: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KendaliError);
      expect((e as KendaliError).code).toBe('CONFIG');
      const msg = (e as Error).message;
      expect(msg).toContain('PORT="eighty"');
      expect(msg).toContain('LOG_LEVEL="loud"');
      expect(msg).toContain('KENDALI_DEMO="maybe"');
    }
  });

  it('never prints a secret in an error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password hunter2' })).toThrow(
      /DATABASE_URL=\*\*\*/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password hunter2' })).not.toThrow(/hunter2/);
  });

  it('reads an optional JSON file, under the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kendali-cfg-'));
    const file = join(dir, 'kendali.json');
    writeFileSync(file, JSON.stringify({ PORT: 7000, KENDALI_SITE_TITLE: 'Portal Uji', LOG_LEVEL: 'debug' }));
    const c = loadConfig({ KENDALI_CONFIG: file, LOG_LEVEL: 'error' });
    expect(c.port).toBe(7000);
    expect(c.siteTitle).toBe('Portal Uji');
    expect(c.logLevel).toBe('error');
    writeFileSync(file, JSON.stringify({ PORTT: 1 }));
    expect(() => loadConfig({ KENDALI_CONFIG: file })).toThrow(/unknown setting PORTT/);
  });

  it('documents every setting once', () => {
    const envs = SETTINGS.map((s) => s.env);
    expect(new Set(envs).size).toBe(envs.length);
    for (const s of SETTINGS) expect(s.doc.length).toBeGreaterThan(10);
    for (const env of envs) expect(settingsTable()).toContain(`\`${env}\``);
  });
});

describe('the README', () => {
  it('documents every setting as `kendali config --table` prints it', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const lines = settingsTable()
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(lines.length).toBe(SETTINGS.length);
    for (const line of lines) expect(readme).toContain(line);
  });
});
