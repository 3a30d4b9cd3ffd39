/**
 * A dataset's quality score, in the spirit of data.gouv.fr's: a list of checks, each with a
 * verdict a reader can see, and a score from the share of checks passed. A check that cannot
 * be decided yet (a link nobody has checked) is shown as unknown and left out of the score.
 */
/** The parts of a package dict the checks read. */
export interface QualityInput {
  readonly license_id: string;
  readonly notes: string;
  readonly metadata_modified: string | null;
  readonly resources: readonly { readonly format: string; readonly url_type: string | null }[];
}

export type Verdict = 'pass' | 'fail' | 'unknown';

export interface QualityCheck {
  readonly id: string;
  readonly label: { readonly id: string; readonly en: string };
  readonly verdict: Verdict;
  readonly detail?: string;
}

export interface Quality {
  readonly score: number;
  readonly checks: readonly QualityCheck[];
}

const OPEN_FORMATS = new Set([
  'CSV',
  'TSV',
  'JSON',
  'GEOJSON',
  'XML',
  'PARQUET',
  'ODS',
  'XLSX',
  'TXT',
  'RDF',
  'TTL',
  'JSONLD',
  'SHP',
  'GPKG',
]);

/** Days a dataset may go without an update before its schedule counts as missed. */
const ALLOWED_DAYS: Record<string, number> = {
  harian: 3,
  mingguan: 10,
  bulanan: 45,
  triwulanan: 120,
  semesteran: 215,
  tahunan: 400,
  'lima-tahunan': 5 * 366 + 30,
};

const check = (id: string, idLabel: string, en: string, verdict: Verdict, detail?: string): QualityCheck => ({
  id,
  label: { id: idLabel, en },
  verdict,
  ...(detail ? { detail } : {}),
});

const pass = (ok: boolean): Verdict => (ok ? 'pass' : 'fail');

export function assessQuality(d: QualityInput, now: Date = new Date()): Quality {
  const x = d as unknown as Record<string, unknown>;
  const std = (x.standar_data ?? {}) as Record<string, string | undefined>;
  const stdFilled = ['konsep', 'definisi', 'klasifikasi', 'ukuran', 'satuan'].filter(
    (k) => (std[k] ?? '').trim() !== '',
  );
  const freq = typeof x.frekuensi_pemutakhiran === 'string' ? x.frekuensi_pemutakhiran : undefined;
  const allowed = freq ? ALLOWED_DAYS[freq] : undefined;
  const ageDays = d.metadata_modified
    ? (now.getTime() - Date.parse(`${d.metadata_modified}Z`)) / 86_400_000
    : Number.POSITIVE_INFINITY;
  const formats = d.resources.map((r) => r.format.toUpperCase()).filter(Boolean);
  const external = d.resources.filter((r) => r.url_type !== 'datastore' && r.url_type !== 'upload');
  const checks: QualityCheck[] = [
    check(
      'license',
      'Lisensi disebutkan',
      'Licence stated',
      pass(d.license_id !== '' && d.license_id !== 'notspecified'),
    ),
    check('temporal', 'Cakupan waktu diisi', 'Temporal coverage given', pass(Boolean(x.cakupan_waktu_mulai))),
    check(
      'spatial',
      'Cakupan wilayah diisi',
      'Spatial coverage given',
      pass(Boolean(x.cakupan_wilayah_tingkat) || Array.isArray(x.cakupan_wilayah)),
    ),
    check('frequency', 'Frekuensi pemutakhiran diisi', 'Update frequency given', pass(Boolean(freq))),
    check(
      'on_schedule',
      'Diperbarui sesuai jadwal',
      'Updated on schedule',
      allowed === undefined ? (freq === 'tidak-tetap' ? 'pass' : 'fail') : pass(ageDays <= allowed),
      allowed === undefined
        ? undefined
        : `${Math.floor(ageDays)} hari sejak pembaruan; batas ${allowed} hari`,
    ),
    check(
      'description',
      'Deskripsi minimal 100 karakter',
      'Description of 100+ characters',
      pass(d.notes.trim().length >= 100),
      `${d.notes.trim().length} karakter`,
    ),
    check(
      'open_format',
      'Tersedia dalam format terbuka',
      'Available in an open format',
      pass(formats.some((f) => OPEN_FORMATS.has(f))),
      formats.join(', ') || undefined,
    ),
    check(
      'reachable',
      'Sumber data dapat diakses',
      'Resources reachable',
      d.resources.length === 0 ? 'fail' : external.length === 0 ? 'pass' : 'unknown',
      external.length > 0 ? `${external.length} tautan luar belum diperiksa` : undefined,
    ),
    check(
      'standard_data',
      'Standar data SDI lengkap',
      'SDI standard-data fields filled',
      pass(stdFilled.length === 5),
      `${stdFilled.length}/5`,
    ),
  ];
  const decided = checks.filter((c) => c.verdict !== 'unknown');
  const score = decided.length
    ? Math.round((100 * decided.filter((c) => c.verdict === 'pass').length) / decided.length)
    : 0;
  return { score, checks };
}
