/**
 * The Daftar Data as a file: exported as CSV (RFC 4180, UTF-8 with BOM, formula-safe) and
 * imported from CSV or XLSX through the ingest readers (any encoding, title rows, footnotes).
 * Columns, in Bahasa Indonesia: tahun, instansi, judul, dataset, produsen, standar_data,
 * prioritas (ya/tidak), frekuensi (bulanan/triwulanan/tahunan), jatuh_tempo (dates with `;`).
 */
import { neutralise } from '../../http/dump/formula.js';
import { openReader } from '../../ingest/readers/index.js';
import { readTable } from '../../ingest/table/index.js';

export const PLAN_COLUMNS = [
  'tahun',
  'instansi',
  'judul',
  'dataset',
  'produsen',
  'standar_data',
  'prioritas',
  'frekuensi',
  'jatuh_tempo',
] as const;

const FREQUENCY_ID = { monthly: 'bulanan', quarterly: 'triwulanan', yearly: 'tahunan' } as const;
const FREQUENCY = new Map<string, 'monthly' | 'quarterly' | 'yearly'>([
  ['bulanan', 'monthly'],
  ['monthly', 'monthly'],
  ['triwulanan', 'quarterly'],
  ['quarterly', 'quarterly'],
  ['tahunan', 'yearly'],
  ['yearly', 'yearly'],
]);
const YES = new Set(['ya', 'y', 'yes', 'true', '1']);
const NO = new Set(['tidak', 't', 'no', 'false', '0', '']);

export interface PlanRow {
  readonly year: number;
  readonly organization: string;
  readonly title: string;
  readonly dataset: string | null;
  readonly produsen: string;
  readonly standard_ref: string;
  readonly priority: boolean;
  readonly frequency: 'monthly' | 'quarterly' | 'yearly';
  readonly due_dates: string[] | null;
}

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

type PlanItems = readonly {
  year: number;
  organization: string;
  title: string;
  dataset: string | null;
  produsen: string;
  standard_ref: string;
  priority: boolean;
  frequency: 'monthly' | 'quarterly' | 'yearly';
  due_dates: readonly string[];
}[];

const cellsOf = (i: PlanItems[number]): string[] => [
  String(i.year),
  i.organization,
  i.title,
  i.dataset ?? '',
  i.produsen,
  i.standard_ref,
  i.priority ? 'ya' : 'tidak',
  FREQUENCY_ID[i.frequency],
  i.due_dates.join(';'),
];

/** The same sheet as XLSX (text cells formula-safe), which `readPlanFile` reads back. */
export async function planXlsx(items: PlanItems): Promise<Buffer> {
  // exceljs (about 0.3 s to load) only when a file is written, not with every start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Daftar Data');
  sheet.addRow([...PLAN_COLUMNS]);
  for (const i of items) sheet.addRow(cellsOf(i).map((c, k) => (k === 0 ? Number(c) : neutralise(c))));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The Daftar Data as CSV: UTF-8 with BOM, CRLF, text cells formula-safe. */
export function planCsv(items: PlanItems): string {
  const lines = [PLAN_COLUMNS.join(',')];
  for (const i of items)
    lines.push(
      cellsOf(i)
        .map((c) => quote(neutralise(c)))
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Reads a Daftar Data file; every problem names its line and column, and nothing is returned then. */
export async function readPlanFile(path: string): Promise<{ rows: PlanRow[]; errors: string[] }> {
  const reader = await openReader(path);
  const table = await readTable(reader, { expectedNames: [...PLAN_COLUMNS] });
  const header = table.layout.header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const at = (name: (typeof PLAN_COLUMNS)[number]) => header.indexOf(name);
  const errors: string[] = [];
  for (const required of ['tahun', 'instansi', 'judul', 'frekuensi'] as const)
    if (at(required) < 0)
      errors.push(`kolom "${required}" tidak ada; kolom berkas: ${table.layout.header.join(', ')}`);
  if (errors.length) return { rows: [], errors };
  const rows: PlanRow[] = [];
  for await (const raw of table.rows()) {
    const cell = (name: (typeof PLAN_COLUMNS)[number]) =>
      at(name) < 0 ? '' : (raw.cells[at(name)] ?? '').trim();
    const where = (name: string) => `baris ${raw.line}, kolom ${name}`;
    const year = Number(cell('tahun'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      errors.push(`${where('tahun')}: "${cell('tahun')}" bukan tahun`);
    const frequency = FREQUENCY.get(cell('frekuensi').toLowerCase());
    if (!frequency)
      errors.push(`${where('frekuensi')}: "${cell('frekuensi')}" bukan bulanan, triwulanan atau tahunan`);
    const p = cell('prioritas').toLowerCase();
    if (!YES.has(p) && !NO.has(p))
      errors.push(`${where('prioritas')}: "${cell('prioritas')}" bukan ya/tidak`);
    if (cell('judul').length < 2) errors.push(`${where('judul')}: judul kosong`);
    if (!cell('instansi')) errors.push(`${where('instansi')}: instansi kosong`);
    const due = cell('jatuh_tempo')
      ? cell('jatuh_tempo')
          .split(/[;\s]+/)
          .filter(Boolean)
      : null;
    const badDate = due?.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)));
    if (badDate) errors.push(`${where('jatuh_tempo')}: "${badDate}" bukan tanggal (YYYY-MM-DD)`);
    if (errors.length > 100) break;
    rows.push({
      year,
      organization: cell('instansi').toLowerCase(),
      title: cell('judul'),
      dataset: cell('dataset') || null,
      produsen: cell('produsen'),
      standard_ref: cell('standar_data'),
      priority: YES.has(p),
      frequency: frequency ?? 'yearly',
      due_dates: due,
    });
  }
  return { rows: errors.length ? [] : rows, errors };
}
