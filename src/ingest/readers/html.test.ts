import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openReader } from './index.js';
import type { Reader } from './types.js';

const SAMPLE = '/work/shared/data/samples/bps_garis_kemiskinan_jabar_html.xls';
const dir = mkdtempSync(join(tmpdir(), 'kendali-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const file = (content: string | Buffer, name = `t${++n}.html`): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

describe('HTML: the BPS "Unduh xls" sample', () => {
  it('is sniffed as HTML despite .xls, and its layout table is stitched into one grid', async () => {
    const reader = await openReader(SAMPLE);
    expect(reader.info).toMatchObject({
      format: 'html',
      encoding: 'utf-8',
      sheet: 'table1',
      sheets: ['table1'],
    });
    const title = 'Garis Kemiskinan Menurut Kabupaten/Kota (Rupiah/kapita/bulan)';
    expect(await collect(reader)).toEqual([
      [1, ['Nama Wilayah', title, title, title]],
      [2, ['Nama Wilayah', '2020', '2019', '2018']],
      [3, ['JAWA BARAT', '410988.00', '386198.00', '367755.00']],
    ]);
  });
});

describe('HTML tables', () => {
  it('expands rowspan and colspan, decodes entities, keeps numbers as written', async () => {
    const html = `<!DOCTYPE html><html><body><table>
      <tr><th rowspan="2">Wilayah</th><th colspan="2">Produksi&nbsp;(ton)</th></tr>
      <tr><th>Jan</th><th>Feb</th></tr>
      <tr><td>Bogor &amp; sekitarnya</td><td>1.234,50</td><td>&lt;5</td></tr>
      <tr><td></td><td></td><td></td></tr>
      <tr><td>Depok<br>Kota</td><td>7</td><td>8</td></tr>
    </table></body></html>`;
    expect(await collect(await openReader(file(html)))).toEqual([
      [1, ['Wilayah', 'Produksi (ton)', 'Produksi (ton)']],
      [2, ['Wilayah', 'Jan', 'Feb']],
      [3, ['Bogor & sekitarnya', '1.234,50', '<5']],
      [5, ['Depok Kota', '7', '8']],
    ]);
  });

  it('clips a span reaching past the last row of a plain table, as browsers do', async () => {
    const html = '<table><tr><td rowspan="5">a</td><td>b</td></tr><tr><td>c</td></tr></table>';
    expect(await collect(await openReader(file(html)))).toEqual([
      [1, ['a', 'b']],
      [2, ['a', 'c']],
    ]);
  });

  it('flattens a table nested in a header cell to its text', async () => {
    const html = `<table><tr><th><table><tr><td>Luas</td></tr><tr><td>(ha)</td></tr></table></th><th>Tahun</th></tr>
      <tr><td>10</td><td>2020</td></tr><tr><td>11</td><td>2021</td></tr></table>`;
    expect(await collect(await openReader(file(html)))).toEqual([
      [1, ['Luas (ha)', 'Tahun']],
      [2, ['10', '2020']],
      [3, ['11', '2021']],
    ]);
  });

  it('picks the largest table by default, or the one asked for', async () => {
    const html = `<html><table><tr><td>menu</td></tr></table>
      <table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>
      <script>var t = "<table><tr><td>x</td></tr></table>";</script></html>`;
    const path = file(html);
    const reader = await openReader(path);
    expect(reader.info).toMatchObject({ sheet: 'table2', sheets: ['table1', 'table2'] });
    expect(await collect(reader)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(await collect(await openReader(path, { sheet: 0 }))).toEqual([[1, ['menu']]]);
    expect(await collect(await openReader(path, { sheet: 'table1' }))).toEqual([[1, ['menu']]]);
    await expect(openReader(path, { sheet: 5 })).rejects.toThrow('no table 5; the tables are table1, table2');
  });

  it('reads gzip-compressed HTML, and Windows-1252 HTML', async () => {
    const gz = await openReader(file(gzipSync('<table><tr><td>x</td></tr></table>'), 'p.html.gz'));
    expect(gz.info).toMatchObject({ format: 'html', gzip: true });
    expect(await collect(gz)).toEqual([[1, ['x']]]);
    const cp = Buffer.concat([
      Buffer.from('<table><tr><td>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</td></tr></table>'),
    ]);
    expect(await collect(await openReader(file(cp)))).toEqual([[1, ['Café']]]);
  });

  it('refuses HTML without a table and XML spreadsheets', async () => {
    await expect(openReader(file('<html><body>none</body></html>'))).rejects.toThrow(
      /the HTML holds no <table>/,
    );
    await expect(openReader(file('<?xml version="1.0"?><note/>', 'n.xml'))).rejects.toThrow(
      /XML or HTML file without a <table>/,
    );
    const spreadsheetMl =
      '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook></Workbook>';
    await expect(openReader(file(spreadsheetMl, 'x.xls'))).rejects.toThrow(
      /Excel 2003 XML spreadsheets are not supported/,
    );
  });

  it('refuses rows wider than maxColumns', async () => {
    const html = '<table><tr><td colspan="900">a</td><td colspan="900">b</td></tr></table>';
    await expect(openReader(file(html), { maxColumns: 1000 }).then(collect)).rejects.toThrow(
      /more than 1000 columns/,
    );
  });
});
