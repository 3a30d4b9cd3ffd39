/**
 * PDF briefings from the demo: the national board and the province of West Java over HTTP,
 * opened again with pdf.js; they hold the indicator titles and their values in Indonesian
 * number format. A private board is 404 to anonymous callers except with its share token.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { seedDemo } from '../../demo/seed.js';
import { buildApp } from '../../http/app.js';
import type { BoardView } from '../board-format.js';
import { DEMO_BOARDS } from '../demo.js';
import { evaluate } from '../evaluate.js';
import { formatNumber } from './format.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

async function pdfText(data: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(data), disableFontFace: true, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}
const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(CATALOG_ENGINES)('PDF briefings on %s', (engine) => {
  let t: TestServices;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const call = (name: string, input: Any) => t.registry.call(name, systemCtx(t), input) as Promise<Any>;

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    await seedDemo(t.services.catalog.db, t.services.datastore);
    await evaluate(t.services);
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('renders the national board with its titles, values and charts', async () => {
    const started = performance.now();
    const res = await app.inject({ url: '/ruang-kendali/briefing/papan/nasional.pdf' });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    console.info(
      `briefing nasional on ${engine}: ${pages} pages, ${res.rawPayload.length} bytes in ${ms.toFixed(0)} ms`,
    );
    expect(pages).toBeGreaterThanOrEqual(1);
    const flat = squash(text);
    expect(text).toContain('Papan Nasional');
    expect(text).toMatch(/Tanggal: \d{1,2} \w+ 20\d\d/);
    const view = (await call('board_show', { id: 'nasional', data: true })) as BoardView;
    const kpis = view.tiles.filter((x) => x.data.kind === 'kpi');
    expect(kpis.length).toBe(4);
    for (const { data } of kpis) {
      if (data.kind !== 'kpi') continue;
      expect(flat).toContain(squash(data.title));
      expect(flat).toContain(squash(formatNumber(data.value, data.unit)));
    }
    // Indonesian decimals: a comma, never a point, in the values.
    expect(kpis.some(({ data }) => data.kind === 'kpi' && formatNumber(data.value).includes(','))).toBe(true);
    // Chart titles (trend and map tiles) and the status words are there.
    expect(flat).toContain(squash('Prevalensi stunting per provinsi'));
    expect(text).toMatch(/Hijau|Kuning|Merah/);
    expect(text).toContain('Nilai');
  });

  it('answers board_show with data over GET for anonymous callers', async () => {
    const res = await app.inject({ url: '/api/3/action/board_show?id=nasional&data=true' });
    expect(res.statusCode).toBe(200);
    const view = res.json().result as BoardView;
    const demo = DEMO_BOARDS.find((b) => b.name === 'nasional');
    expect(view.tiles.map((x) => x.id)).toEqual(demo?.tiles.map((x) => x.id));
    expect(view.tiles.filter((x) => x.data.error)).toEqual([]);
    // Anonymous: no alerts (members only) and no media items (signed-in only).
    const alerts = view.tiles.find((x) => x.data.kind === 'alerts')?.data;
    expect(alerts?.kind === 'alerts' && alerts.alerts).toEqual([]);
  });

  it('renders a province briefing, and hides private boards without a token', async () => {
    const res = await app.inject({ url: '/ruang-kendali/briefing/provinsi/32.pdf' });
    expect(res.statusCode).toBe(200);
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/JAWA BARAT/i);
    const flat = squash(text);
    const values = await call('indicator_values', { id: 'ipm', level: 'province', period: '2024' });
    const jabar = values.values.find((v: Any) => v.region_code === '32');
    expect(flat).toContain(squash('Indeks Pembangunan Manusia'));
    expect(flat).toContain(squash(formatNumber(jabar.value, 'indeks')));
    expect(flat).toContain(squash('Prevalensi balita stunting'));
    expect(flat).toContain(squash('per kabupaten/kota'));
    expect((await app.inject({ url: '/ruang-kendali/briefing/provinsi/99.pdf' })).statusCode).toBe(404);

    await call('board_update', { id: 'jawa-barat', private: true });
    expect((await app.inject({ url: '/ruang-kendali/briefing/papan/jawa-barat.pdf' })).statusCode).toBe(404);
    const { url } = await call('board_share', { id: 'jawa-barat', enabled: true });
    const token = new URL(url).searchParams.get('share');
    const shared = await app.inject({ url: `/ruang-kendali/briefing/papan/jawa-barat.pdf?share=${token}` });
    expect(shared.statusCode).toBe(200);
    expect((await pdfText(shared.rawPayload)).text).toContain('Papan Provinsi Jawa Barat');
  });
});
