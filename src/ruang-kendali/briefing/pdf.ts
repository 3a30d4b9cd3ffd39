/**
 * A briefing as a PDF (pdfkit, A4, the standard Helvetica): title, date, a table of indicator,
 * value, target, status, period and source, then the charts (ECharts SVG drawn as vectors by
 * svg-to-pdfkit). Pure rendering: what to show comes from `build.ts`.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Status } from '../board-format.js';
import { CHART_WIDTH } from './charts.js';
import { formatDate, STATUS_COLOUR, statusText } from './format.js';

export interface BriefingRow {
  readonly indicator: string;
  readonly value: string;
  readonly target: string;
  readonly status: Status | null;
  readonly period: string;
  readonly source: string;
}

export interface BriefingChart {
  readonly title: string;
  readonly svg: string;
  readonly height: number;
}

export interface Briefing {
  readonly title: string;
  readonly subtitle?: string;
  readonly date: Date;
  readonly rows: readonly BriefingRow[];
  readonly charts: readonly BriefingChart[];
  /** Shown under the table (what was left out, and why). */
  readonly note?: string;
}

const MARGIN = 40;
const COLUMNS: { key: keyof BriefingRow; title: string; width: number }[] = [
  { key: 'indicator', title: 'Indikator', width: 150 },
  { key: 'value', title: 'Nilai', width: 65 },
  { key: 'target', title: 'Target', width: 60 },
  { key: 'status', title: 'Status', width: 70 },
  { key: 'period', title: 'Periode', width: 45 },
  { key: 'source', title: 'Sumber', width: 125 },
];

export function briefingPdf(b: Briefing): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: b.title, Creator: 'Kendali', CreationDate: b.date },
    lang: 'id-ID',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000').text(b.title);
  if (b.subtitle) doc.font('Helvetica').fontSize(11).fillColor('#333').text(b.subtitle);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#555')
    .text(`Tanggal: ${formatDate(b.date)}`);
  doc.moveDown();

  const header = () => {
    const y = doc.y;
    let x = MARGIN;
    doc
      .rect(
        MARGIN,
        y - 2,
        COLUMNS.reduce((s, c) => s + c.width, 0),
        16,
      )
      .fill('#eeeeee');
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#000');
    for (const c of COLUMNS) {
      doc.text(c.title, x + 2, y + 2, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.x = MARGIN;
    doc.y = y + 16;
  };
  header();
  doc.font('Helvetica').fontSize(8.5);
  for (const row of b.rows) {
    const texts = COLUMNS.map((c) => (c.key === 'status' ? statusText(row.status) : String(row[c.key])));
    const h =
      Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: (COLUMNS[i]?.width ?? 50) - 4 }))) + 6;
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
      doc.font('Helvetica').fontSize(8.5);
    }
    const y = doc.y;
    let x = MARGIN;
    texts.forEach((t, i) => {
      const c = COLUMNS[i] as (typeof COLUMNS)[number];
      doc.fillColor(c.key === 'status' && row.status ? STATUS_COLOUR[row.status] : '#000');
      doc.text(t, x + 2, y + 3, { width: c.width - 4 });
      x += c.width;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + 515, y + h)
      .strokeColor('#dddddd')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  }
  if (b.rows.length === 0) doc.fillColor('#555').text('Tidak ada indikator dengan nilai.', MARGIN, doc.y + 4);
  if (b.note) doc.moveDown().fillColor('#555').fontSize(8).text(b.note, MARGIN);

  for (const chart of b.charts) {
    ensure(chart.height + 30);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(chart.title, MARGIN);
    const y = doc.y + 4;
    SVGtoPDF(doc, chart.svg, MARGIN, y, { width: CHART_WIDTH, height: chart.height, assumePt: true });
    doc.x = MARGIN;
    doc.y = y + chart.height + 6;
  }
  doc.end();
  return done;
}
