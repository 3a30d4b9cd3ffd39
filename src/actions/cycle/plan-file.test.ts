/** The Daftar Data as a file: exported as CSV and XLSX over HTTP, imported back (whole or nothing). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { loadActor } from '../../auth/actor.js';
import { buildApp } from '../../http/app.js';
import { makeContext } from '../../http/context.js';
import { addUpload } from '../../ingest/uploads.js';
import type { ActionContext } from '../types.js';

let t: TestServices;
let app: FastifyInstance;
let token = '';
const as: Record<string, ActionContext> = {};
const ids: Record<string, string> = {};
const call = <T>(who: string, name: string, input: Record<string, unknown>) =>
  t.registry.call(name, as[who] as ActionContext, input) as Promise<T>;
async function upload(who: string, name: string, text: string): Promise<string> {
  const path = join(t.dataDir, name);
  writeFileSync(path, text);
  return (await addUpload(t.dataDir, path, ids[who] ?? null)).id;
}
const count = async () =>
  (await t.services.catalog.db.selectFrom('data_plan_item').select('id').execute()).length;

beforeAll(async () => {
  t = await openTestServices('pglite');
  const sys = systemCtx(t);
  await t.registry.call('organization_create', sys, {
    name: 'dinkes-jabar',
    title: 'Dinas Kesehatan Jawa Barat',
  });
  for (const [user, role] of [
    ['walidata', 'walidata'],
    ['produsen', 'produsen'],
  ] as const) {
    const u = await addUser(t, `u-${user}`);
    ids[user] = u.id;
    await t.registry.call('member_create', sys, {
      id: 'dinkes-jabar',
      object: u.name,
      object_type: 'user',
      capacity: role,
    });
    as[user] = makeContext(t.registry, t.services, await loadActor(t.services.catalog.db, u.id), 'id', user);
  }
  token = (
    (await t.registry.call('api_token_create', sys, { user: 'u-walidata', name: 'csv' })) as { token: string }
  ).token;
  app = await buildApp({ registry: t.registry, services: t.services, logger: false });
  await call('walidata', 'data_plan_create', {
    year: 2026,
    owner_org: 'dinkes-jabar',
    title: 'Prevalensi stunting',
    priority: true,
    frequency: 'quarterly',
    produsen: 'Bidang Kesmas',
  });
  await call('walidata', 'data_plan_create', {
    year: 2026,
    owner_org: 'dinkes-jabar',
    title: '=HYPERLINK("x")',
    frequency: 'yearly',
  });
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

describe('the Daftar Data as a file', () => {
  let csv = '';
  it('exports as CSV with the due dates, formulas neutralised', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/data-plan.csv?year=2026',
      headers: { authorization: token },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('daftar-data-2026.csv');
    csv = res.body;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'tahun,instansi,judul,dataset,produsen,standar_data,prioritas,frekuensi,jatuh_tempo',
    );
    expect(lines).toContain(
      '2026,dinkes-jabar,Prevalensi stunting,,Bidang Kesmas,,ya,triwulanan,2026-03-31;2026-06-30;2026-09-30;2026-12-31',
    );
    expect(lines).toContain(`2026,dinkes-jabar,"'=HYPERLINK(""x"")",,,,tidak,tahunan,2026-12-31`);
    expect((await app.inject({ method: 'GET', url: '/api/data-plan.csv' })).statusCode).toBe(403);
  });

  it('imports it back: new items added, the same items updated, whole or nothing', async () => {
    const next = csv.replaceAll('2026', '2027');
    const first = await call<{ created: number; updated: number }>('walidata', 'data_plan_import', {
      upload_id: await upload('walidata', 'dd.csv', next),
    });
    expect(first).toMatchObject({ created: 2, updated: 0 });
    const again = await call<{ created: number; updated: number }>('walidata', 'data_plan_import', {
      upload_id: await upload('walidata', 'dd2.csv', next),
    });
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const items = await call<{ title: string; due_dates: string[]; priority: boolean }[]>(
      'walidata',
      'data_plan_list',
      { year: 2027 },
    );
    expect(items.find((i) => i.title === 'Prevalensi stunting')).toMatchObject({
      priority: true,
      due_dates: ['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31'],
    });

    const before = await count();
    const bad =
      'tahun,instansi,judul,prioritas,frekuensi\n2028,dinkes-jabar,Cakupan imunisasi,ya,tahunan\n2028,dinkes-jabar,Angka kematian bayi,mungkin,mingguan\n';
    const err = (await call('walidata', 'data_plan_import', {
      upload_id: await upload('walidata', 'bad.csv', bad),
    }).catch((e: unknown) => e)) as { code: string; fields: Record<string, string[]> };
    expect(err.code).toBe('VALIDATION');
    expect(err.fields.upload_id).toEqual(
      expect.arrayContaining([
        expect.stringContaining('baris 3, kolom frekuensi: "mingguan"'),
        expect.stringContaining('baris 3, kolom prioritas'),
      ]),
    );
    expect(await count()).toBe(before);
    // The XLSX export reads back the same way.
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/data-plan.xlsx?year=2027',
      headers: { authorization: token },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const path = join(t.dataDir, 'dd.xlsx');
    writeFileSync(path, xlsx.rawPayload);
    const fromXlsx = await call<{ created: number; updated: number }>('walidata', 'data_plan_import', {
      upload_id: (await addUpload(t.dataDir, path, ids.walidata ?? null)).id,
    });
    expect(fromXlsx).toMatchObject({ created: 0, updated: 2 });
    const refused = (await call('produsen', 'data_plan_import', {
      upload_id: await upload('produsen', 'p.csv', next),
    }).catch((e: unknown) => e)) as { fields: Record<string, string[]> };
    expect(refused.fields.upload_id?.[0]).toContain('hanya walidata atau admin dinkes-jabar');
    expect(await count()).toBe(before);
  });
});
