import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { isKendaliError } from '../../core/errors.js';
import { type Coverage, coverageWords } from '../../ingest/coverage.js';
import type { PreparedImport } from '../../ingest/pipeline/import.js';
import type { ValidationReport } from '../../ingest/pipeline/types.js';
import { addUpload, removeUpload, type Upload } from '../../ingest/uploads.js';
import { type DataDirOption, withActions } from '../actions.js';
import { CliError, translateLine } from '../fail.js';
import { cancelOnInterrupt, followJob, type JobView } from '../job-follow.js';
import { createProgress, type ProgressReporter } from '../progress.js';
import { remoteCall, remoteFrom, remoteUpload } from '../remote.js';

interface ImportOptions extends DataDirOption {
  url?: string;
  token?: string;
  org: string;
  dataset: string;
  title?: string;
  schema?: string;
  schemaOut?: string;
  sheet?: string;
  regionColumn?: string[];
  dryRun?: boolean;
  onError?: 'block' | 'warn';
}

interface ImportResult {
  published: boolean;
  version?: number;
  resource_id?: string;
  report: ValidationReport;
  schema?: unknown;
  coverage_filled?: Coverage;
}

/** The import's phases as the progress bar names them (action phases and job phases). */
const PHASE_LABELS: Record<string, string> = {
  read: 'membaca',
  reading: 'membaca',
  profile: 'membaca (1/2)',
  profiling: 'membaca (1/2)',
  convert: 'mengubah (2/2)',
  converting: 'mengubah (2/2)',
  check: 'memeriksa',
  checking: 'memeriksa',
  publish: 'menerbitkan',
  publishing: 'menerbitkan',
};

/** Reading has no bytes to count yet: a note; the passes after it move the bar. */
const showPhase = (progress: ProgressReporter, phase: string, done: number, total: number, rows?: number) => {
  const label = `${PHASE_LABELS[phase] ?? phase}${rows !== undefined && rows > 0 ? `, ${rows} baris` : ''}`;
  if (phase === 'read' || phase === 'reading') progress.note(label);
  else progress.update(done, total, label);
};

function printReport(r: ImportResult): void {
  const out = process.stdout;
  out.write(`Baris: ${r.report.rows}; galat: ${r.report.errorCount}; peringatan: ${r.report.warningCount}\n`);
  out.write('Kolom:\n');
  for (const t of r.report.types) {
    out.write(
      `  ${t.field} (${t.title}): ${t.type} — ${t.reason}${t.misfits ? `; ${t.misfits} tidak cocok` : ''}\n`,
    );
  }
  // What the reader decided about the table's shape, its regions and its coverage.
  const shown = ['wilayah', 'judul', 'kolom', 'catatan kaki', 'cakupan'];
  for (const n of r.report.notes.filter((x) => shown.some((p) => x.startsWith(p)))) out.write(`  ${n}\n`);
  if (r.report.issues.length) {
    out.write('Masalah pertama:\n');
    for (const i of r.report.issues.slice(0, 15)) {
      out.write(
        `  [${i.code}] baris data ${i.row} (baris berkas ${i.line})${i.field ? `, kolom ${i.field}` : ''}: ${i.message}\n`,
      );
    }
  }
}

/** `kendali import FILE`: a file into a dataset's datastore table, with progress and the validation report. */
export function importCommand(): Command {
  return new Command('import')
    .description(
      'import a CSV/TSV/XLSX/HTML/JSON/Parquet file as a new version of a dataset’s table (exit 0 published, 2 published with warnings, 1 failed)',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--org <org>', 'institution (name) that owns the dataset')
    .requiredOption('--dataset <name>', 'dataset name; created when it does not exist')
    .option('--title <title>', 'title for a new dataset')
    .option('--schema <file>', 'Table Schema (JSON) with field types and constraints')
    .option('--schema-out <file>', 'write the Table Schema of this import (types, titles, key) as JSON')
    .option('--sheet <sheet>', 'XLSX sheet (name or 0-based index)')
    .option(
      '--region-column <column...>',
      'columns holding region names (default: detected from headers); a kecamatan or desa column also reads the higher region columns of its row',
    )
    .option('--on-error <policy>', 'block (default) or warn: publish even with errors')
    .option('--dry-run', 'check and report without publishing')
    .option('-d, --data-dir <dir>', 'data directory (overrides KENDALI_DATA_DIR)')
    .option('--url <url>', 'a running Kendali server to import into (or KENDALI_URL)')
    .option('--token <token>', 'API token for --url (or KENDALI_TOKEN)')
    .action(async (file: string, opts: ImportOptions) => {
      if (!statSync(file, { throwIfNoEntry: false })?.isFile())
        throw new CliError(`berkas tidak ditemukan: ${file}`, 1);
      const progress = createProgress('impor', { unit: 'bytes' });
      const schema = opts.schema ? (JSON.parse(readFileSync(opts.schema, 'utf8')) as unknown) : undefined;
      const importInput = (uploadId: string) => ({
        upload_id: uploadId,
        package_id: opts.dataset,
        ...(opts.sheet !== undefined
          ? { sheet: /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet }
          : {}),
        ...(schema ? { schema } : {}),
        ...(opts.regionColumn ? { region_columns: opts.regionColumn } : {}),
        ...(opts.onError ? { on_error: opts.onError } : {}),
        ...(opts.dryRun ? { dry_run: true } : {}),
      });
      const ensureDataset = async (call: (name: string, input: unknown) => Promise<unknown>) => {
        try {
          await call('package_show', { id: opts.dataset });
        } catch (e) {
          if (!isKendaliError(e) || e.code !== 'NOT_FOUND') throw e;
          await call('package_create', {
            name: opts.dataset,
            title: opts.title ?? opts.dataset,
            owner_org: opts.org,
          });
        }
      };
      const remote = remoteFrom(opts);
      let result: ImportResult;
      try {
        if (remote) {
          const call = (name: string, input: unknown) => remoteCall(remote, name, input);
          await ensureDataset(call);
          const uploadId = await remoteUpload(remote, file, (sent, total) =>
            progress.update(sent, total, 'mengunggah'),
          );
          const queued = (await call('datastore_import', {
            ...importInput(uploadId),
            background: true,
          })) as JobView;
          progress.note(queued.state === 'queued' ? 'menunggu giliran di server' : 'diproses di server');
          const ended = await cancelOnInterrupt(
            call,
            queued.id,
            (text) => progress.note(text),
            () =>
              followJob(queued, {
                call,
                remote,
                onProgress: (p) => {
                  if (p.done !== undefined && p.total !== undefined)
                    showPhase(progress, p.phase ?? p.note ?? '', p.done, p.total, p.rows);
                },
              }),
          );
          if (ended.state === 'cancelled')
            throw new CliError('impor dibatalkan; tidak ada yang diterbitkan', 130);
          if (ended.state !== 'succeeded')
            throw new CliError(ended.error ? translateLine(ended.error) : `impor ${ended.state}`, 1);
          result = ended.result as ImportResult;
        } else {
          // While the services load and open, the file is copied in and read (prepare-upload.ts);
          // an import that does not start takes both away again.
          let copying: Promise<Upload> | undefined;
          let preparing: Promise<PreparedImport> | undefined;
          const stopPreparing = new AbortController();
          let started = false;
          let underWay = (): void => {};
          const onProgress = (phase: string, rows: number, done: number, total: number) => {
            underWay();
            showPhase(progress, phase, done, total, rows);
          };
          const input = importInput('');
          // Loaded as the directory is held: the preparation starts before the application loads.
          let early!: Promise<typeof import('../../ingest/prepare-upload.js')>;
          let dataDir: string | undefined;
          try {
            result = (await withActions(
              opts,
              async (call) => {
                const upload = await (copying as Promise<Upload>);
                await ensureDataset(call);
                if (preparing) (await early).offerPrepared(upload.id, input, preparing);
                started = true;
                return call('datastore_import', importInput(upload.id));
              },
              (phase, done, total, rows) => showPhase(progress, phase, done, total, rows),
              (config) => {
                early = import('../../ingest/prepare-upload.js');
                dataDir = config.dataDir;
                copying = addUpload(config.dataDir, file, null, { link: true });
                copying.catch(() => undefined);
                progress.note(PHASE_LABELS.read as string);
                preparing = early.then(({ prepareUpload }) =>
                  prepareUpload(file, input, config, onProgress, stopPreparing.signal),
                );
                preparing.catch(() => undefined);
                // The services load once the file's first pass is under way (DuckDB's threads
                // then read while this thread loads), or once the preparation ended.
                return Promise.race([new Promise<void>((resolve) => (underWay = resolve)), preparing]);
              },
            )) as ImportResult;
          } catch (e) {
            if (!started) {
              stopPreparing.abort(new CliError('impor dibatalkan', 1));
              await (await preparing?.catch(() => undefined))?.dispose();
            }
            throw e;
          } finally {
            // The upload was this import's alone (linked or copied in): it goes once the import
            // ends, or does not start.
            const upload = await copying?.catch(() => undefined);
            if (upload && dataDir) await removeUpload(dataDir, upload.id);
          }
        }
      } finally {
        progress.stop();
      }
      printReport(result);
      if (opts.schemaOut) {
        writeFileSync(opts.schemaOut, `${JSON.stringify(result.schema, null, 2)}\n`);
        process.stdout.write(`Table Schema ditulis ke ${opts.schemaOut}\n`);
      }
      if (!result.published) {
        process.stdout.write('Tidak diterbitkan (--dry-run).\n');
        return;
      }
      process.stdout.write(`Diterbitkan: versi ${result.version} (resource ${result.resource_id})\n`);
      const filled = result.coverage_filled && coverageWords(result.coverage_filled);
      if (filled) process.stdout.write(`Metadata dataset dilengkapi dari data: ${filled}\n`);
      if (result.report.errorCount + result.report.warningCount > 0)
        throw new CliError('diterbitkan dengan peringatan', 2);
    });
}
