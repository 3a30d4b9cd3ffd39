import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, callAction, postHeaders } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';
import './upload.css';

const FIELD_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'year',
  'yearmonth',
  'period',
] as const;
const EDIT_ROLES = new Set(['admin', 'walidata', 'produsen']);

interface Membership {
  organization_name: string;
  organization_title: string;
  role: string;
}
interface Candidate {
  code: string;
  name: string;
  level: string;
}
interface Issue {
  code: string;
  row: number;
  line: number;
  field?: string;
  column?: number;
  value?: string;
  message: string;
  candidates?: Candidate[];
}
interface TypeReport {
  field: string;
  title: string;
  type: string;
  reason: string;
  values: number;
  misfits: number;
  examples: { row: number; value: string }[];
}
interface DryRun {
  file: string;
  report: {
    valid: boolean;
    rows: number;
    errorCount: number;
    warningCount: number;
    counts: Record<string, number>;
    issues: Issue[];
    types: TypeReport[];
    notes: string[];
  };
  preview: { columns: string[]; rows: (string | number | boolean | null)[][] } | null;
}
interface Coverage {
  cakupan_wilayah_tingkat?: string;
  cakupan_wilayah?: string[];
  cakupan_waktu_mulai?: string;
  cakupan_waktu_selesai?: string;
}
interface Published {
  published: boolean;
  version?: number;
  resource_id?: string;
  /** The dataset's coverage fields this version filled in from its data. */
  coverage_filled?: Coverage;
}

type Step = 'file' | 'types' | 'validation' | 'regions' | 'preview' | 'done';
const STEPS: readonly Step[] = ['file', 'types', 'validation', 'regions', 'preview', 'done'];

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

const messageOf = (e: unknown): string =>
  e instanceof ApiError && Object.keys(e.fields).length > 0
    ? Object.entries(e.fields)
        .map(([k, v]) => `${k}: ${v.join(', ')}`)
        .join('; ')
    : e instanceof Error
      ? e.message
      : String(e);

/** Sends the file to `/api/uploads` (multipart, with the session's CSRF token). */
async function uploadFile(file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file);
  const { 'Content-Type': _json, ...headers } = postHeaders();
  const res = await fetch('/api/uploads', { method: 'POST', body, headers, credentials: 'same-origin' });
  const json = (await res.json().catch(() => undefined)) as
    | { success: boolean; result?: { upload_id: string }; error?: { message?: string } }
    | undefined;
  if (!res.ok || !json?.success || !json.result)
    throw new Error(json?.error?.message ?? `Upload failed (HTTP ${res.status})`);
  return json.result.upload_id;
}

/**
 * /ruang-kerja/unggah: the upload wizard for data officers. File → column types → validation
 * report → region names (ambiguous ones chosen by hand) → preview → publish, or submit for
 * review. Each step re-checks the file on the server (`datastore_import` with `dry_run`) with
 * the choices so far, so what the preview shows is what gets published.
 */
export default function Upload() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('upload.title'));
  const { user } = useSession();
  const [step, setStep] = useState<Step>('file');
  const [orgs, setOrgs] = useState<Membership[]>([]);
  const [org, setOrg] = useState('');
  const [datasets, setDatasets] = useState<{ name: string; title: string }[]>([]);
  const [dataset, setDataset] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [file, setFile] = useState<File>();
  const [uploadId, setUploadId] = useState<string>();
  const [packageName, setPackageName] = useState('');
  const [types, setTypes] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, Record<string, string>>>({});
  const [dry, setDry] = useState<DryRun>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{
    kind: 'published' | 'submitted';
    version?: number;
    coverage?: Coverage;
  }>();

  useEffect(() => {
    if (!user) return;
    fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => r.json() as Promise<{ result?: { memberships?: Membership[] } }>)
      .then(async (me) => {
        const mine = (me.result?.memberships ?? []).filter((m) => EDIT_ROLES.has(m.role));
        if (mine.length > 0 || !user.sysadmin) return setOrgs(mine);
        const all = await callAction<{ name: string; title: string }[]>('organization_list', {
          all_fields: true,
        });
        setOrgs(all.map((o) => ({ organization_name: o.name, organization_title: o.title, role: 'admin' })));
      })
      .catch(() => setOrgs([]));
  }, [user]);
  useEffect(() => {
    if (!org) return setDatasets([]);
    callAction<{ results: { name: string; title: string }[] }>('package_search', {
      fq: `organization:${org}`,
      rows: 1000,
      include_private: true,
    }).then(
      (r) => setDatasets(r.results),
      () => setDatasets([]),
    );
  }, [org]);
  // ?dataset=NAME (from the workspace's dataset page): preselect that dataset and its institution.
  const preselect = useSearchParams()[0].get('dataset');
  useEffect(() => {
    if (!user || !preselect) return;
    callAction<{ name: string; organization?: { name: string } | null }>('package_show', {
      id: preselect,
    }).then(
      (p) => {
        if (!p.organization) return;
        setOrg(p.organization.name);
        setDataset(p.name);
      },
      () => undefined,
    );
  }, [user, preselect]);

  const check = async (id: string, pkg: string, nextTypes = types, nextChoices = choices) => {
    const r = await callAction<DryRun>('datastore_import', {
      upload_id: id,
      package_id: pkg,
      dry_run: true,
      ...(Object.keys(nextTypes).length > 0 ? { types: nextTypes } : {}),
      ...(Object.keys(nextChoices).length > 0 ? { region_choices: nextChoices } : {}),
    });
    setDry(r);
    return r;
  };
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(undefined);
    }
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (!file || !org) return;
    void run(t('upload.checking'), async () => {
      let pkg = dataset;
      if (!pkg) {
        const name = slug(newTitle);
        const made = await callAction<{ name: string }>('package_create', {
          name,
          title: newTitle,
          owner_org: org,
        });
        pkg = made.name;
        setDataset(pkg);
      }
      setPackageName(pkg);
      const id = await uploadFile(file);
      setUploadId(id);
      await check(id, pkg, {}, {});
      setStep('types');
    });
  };
  const recheck = (next: Step, nextTypes = types, nextChoices = choices) =>
    void run(t('upload.checking'), async () => {
      if (!uploadId) return;
      await check(uploadId, packageName, nextTypes, nextChoices);
      setStep(next);
    });
  const finish = (kind: 'published' | 'submitted') =>
    void run(kind === 'published' ? t('upload.publishing') : t('upload.submitting'), async () => {
      if (!uploadId) return;
      const input = {
        upload_id: uploadId,
        package_id: packageName,
        ...(Object.keys(types).length > 0 ? { types } : {}),
        ...(Object.keys(choices).length > 0 ? { region_choices: choices } : {}),
      };
      if (kind === 'published') {
        const r = await callAction<Published>('datastore_import', { ...input, on_error: 'warn' });
        setResult({
          kind,
          ...(r.version !== undefined ? { version: r.version } : {}),
          ...(r.coverage_filled ? { coverage: r.coverage_filled } : {}),
        });
      } else {
        await callAction('review_submit', input);
        setResult({ kind });
      }
      setStep('done');
    });

  const ambiguous = useMemo(() => {
    const seen = new Map<string, Issue>();
    for (const i of dry?.report.issues ?? [])
      if (i.code === 'region-ambiguous' && i.field && i.value !== undefined)
        seen.set(`${i.field}\u0000${i.value}`, i);
    return [...seen.values()];
  }, [dry]);
  const unresolved = (dry?.report.issues ?? []).filter((i) => i.code === 'region-unresolved');
  const fieldTitle = (field: string) => dry?.report.types.find((x) => x.field === field)?.title ?? field;

  if (user === undefined) return <p role="status">{t('common.loading')}</p>;
  if (!user)
    return (
      <div className="page">
        <h1>{t('upload.title')}</h1>
        <p>
          <Link to="/masuk">{t('upload.signInFirst')}</Link>
        </p>
      </div>
    );

  return (
    <div className="page upload-wizard">
      <h1>{t('upload.title')}</h1>
      <ol className="wizard-steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            data-done={STEPS.indexOf(step) > i || undefined}
          >
            {t(`upload.step.${s}`)}
          </li>
        ))}
      </ol>
      {busy ? (
        <p role="status" className="wizard-busy">
          <progress aria-label={busy} /> {busy}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="wizard-error">
          {error}
        </p>
      ) : null}

      {step === 'file' ? (
        <form onSubmit={start} className="wizard-panel">
          <h2>{t('upload.step.file')}</h2>
          <label>
            {t('upload.organization')}
            <select value={org} required onChange={(e) => setOrg(e.target.value)}>
              <option value="">—</option>
              {orgs.map((o) => (
                <option key={o.organization_name} value={o.organization_name}>
                  {o.organization_title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('upload.dataset')}
            <select value={dataset} onChange={(e) => setDataset(e.target.value)} disabled={!org}>
              <option value="">{t('upload.newDataset')}</option>
              {datasets.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          {dataset ? null : (
            <label>
              {t('upload.newTitle')}
              <input value={newTitle} required minLength={3} onChange={(e) => setNewTitle(e.target.value)} />
              {newTitle ? (
                <small>
                  {t('upload.urlName')}: <code>{slug(newTitle)}</code>
                </small>
              ) : null}
            </label>
          )}
          <label>
            {t('upload.file')}
            <input
              type="file"
              required
              accept=".csv,.tsv,.txt,.xlsx,.xls,.json,.ndjson,.parquet,.gz"
              onChange={(e) => setFile(e.currentTarget.files?.[0])}
            />
          </label>
          <button type="submit" className="primary" disabled={Boolean(busy)}>
            {t('upload.uploadAndCheck')}
          </button>
        </form>
      ) : null}

      {step === 'types' && dry ? (
        <section className="wizard-panel" aria-labelledby="types-title">
          <h2 id="types-title">{t('upload.step.types')}</h2>
          <p>{t('upload.typesIntro', { rows: formatNumber(dry.report.rows, lang), file: dry.file })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('upload.column')}</th>
                  <th scope="col">{t('upload.type')}</th>
                  <th scope="col">{t('upload.reason')}</th>
                  <th scope="col">{t('upload.misfits')}</th>
                </tr>
              </thead>
              <tbody>
                {dry.report.types.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">
                      {c.title} <code>{c.field}</code>
                    </th>
                    <td>
                      <select
                        aria-label={t('upload.typeOf', { column: c.title })}
                        value={types[c.field] ?? c.type}
                        onChange={(e) => setTypes({ ...types, [c.field]: e.target.value })}
                      >
                        {FIELD_TYPES.map((ft) => (
                          <option key={ft} value={ft}>
                            {t(`upload.types.${ft}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{c.reason}</td>
                    <td>
                      {formatNumber(c.misfits, lang)}
                      {c.examples.length > 0 ? (
                        <small>
                          {' '}
                          ({c.examples.map((x) => `${t('upload.row')} ${x.row}: “${x.value}”`).join('; ')})
                        </small>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="primary"
            onClick={() => recheck('validation')}
            disabled={Boolean(busy)}
          >
            {t('upload.next')}
          </button>
        </section>
      ) : null}

      {step === 'validation' && dry ? (
        <section className="wizard-panel" aria-labelledby="validation-title">
          <h2 id="validation-title">{t('upload.step.validation')}</h2>
          <p data-valid={dry.report.valid}>
            {dry.report.errorCount === 0
              ? t('upload.noErrors', { warnings: formatNumber(dry.report.warningCount, lang) })
              : t('upload.someErrors', {
                  errors: formatNumber(dry.report.errorCount, lang),
                  warnings: formatNumber(dry.report.warningCount, lang),
                })}
          </p>
          {Object.keys(dry.report.counts).length > 0 ? (
            <ul>
              {Object.entries(dry.report.counts).map(([code, n]) => (
                <li key={code}>
                  <code>{code}</code>: {formatNumber(n, lang)}
                </li>
              ))}
            </ul>
          ) : null}
          {dry.report.issues.length > 0 ? (
            <div className="table-scroll">
              <table>
                <caption>{t('upload.firstIssues')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('upload.row')}</th>
                    <th scope="col">{t('upload.column')}</th>
                    <th scope="col">{t('upload.value')}</th>
                    <th scope="col">{t('upload.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dry.report.issues.slice(0, 50).map((i) => (
                    <tr key={`${i.code}-${i.row}-${i.field ?? ''}`}>
                      <td>{i.row}</td>
                      <td>{i.field ? fieldTitle(i.field) : '—'}</td>
                      <td>{i.value ?? ''}</td>
                      <td>{i.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {dry.report.notes.length > 0 ? (
            <details>
              <summary>{t('upload.notes')}</summary>
              <ul>
                {dry.report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <p className="wizard-nav">
            <button type="button" onClick={() => setStep('types')}>
              {t('upload.back')}
            </button>
            <button type="button" className="primary" onClick={() => setStep('regions')}>
              {t('upload.next')}
            </button>
          </p>
        </section>
      ) : null}

      {step === 'regions' && dry ? (
        <section className="wizard-panel" aria-labelledby="regions-title">
          <h2 id="regions-title">{t('upload.step.regions')}</h2>
          {ambiguous.length === 0 && unresolved.length === 0 ? <p>{t('upload.regionsAllResolved')}</p> : null}
          {ambiguous.length > 0 ? (
            <fieldset className="region-choices">
              <legend>{t('upload.ambiguousIntro', { count: ambiguous.length })}</legend>
              {ambiguous.map((i) => {
                const field = i.field as string;
                const value = i.value as string;
                return (
                  <label key={`${field}-${value}`} data-ambiguous={value}>
                    <span>
                      “{value}” <small>({fieldTitle(field)})</small>
                    </span>
                    <select
                      value={choices[field]?.[value] ?? ''}
                      onChange={(e) => {
                        const nextField = { ...choices[field] };
                        if (e.target.value) nextField[value] = e.target.value;
                        else delete nextField[value];
                        setChoices({ ...choices, [field]: nextField });
                      }}
                    >
                      <option value="">{t('upload.chooseRegion')}</option>
                      {(i.candidates ?? []).map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name} ({c.code})
                        </option>
                      ))}
                    </select>
                  </label>
                );
              })}
            </fieldset>
          ) : null}
          {unresolved.length > 0 ? (
            <details>
              <summary>{t('upload.unresolved', { count: unresolved.length })}</summary>
              <ul>
                {unresolved.slice(0, 50).map((i) => (
                  <li key={`${i.row}-${i.field ?? ''}`}>
                    {t('upload.row')} {i.row}: {i.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <p className="wizard-nav">
            <button type="button" onClick={() => setStep('validation')}>
              {t('upload.back')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => recheck('preview')}
              disabled={Boolean(busy)}
            >
              {ambiguous.length > 0 ? t('upload.applyChoices') : t('upload.next')}
            </button>
          </p>
        </section>
      ) : null}

      {step === 'preview' && dry ? (
        <section className="wizard-panel" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('upload.step.preview')}</h2>
          <p>
            {t('upload.previewIntro', { rows: formatNumber(dry.report.rows, lang) })}{' '}
            {ambiguous.length > 0 ? t('upload.stillAmbiguous', { count: ambiguous.length }) : null}
          </p>
          {dry.preview ? (
            <div className="table-scroll">
              <table className="preview-table">
                <thead>
                  <tr>
                    {dry.preview.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dry.preview.rows.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their order
                    <tr key={r}>
                      {row.map((v, c) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                        <td key={c}>
                          {typeof v === 'number'
                            ? formatNumber(v, lang, { maximumFractionDigits: 6 })
                            : String(v ?? '')}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('upload.noRows')}</p>
          )}
          <p className="wizard-nav">
            <button type="button" onClick={() => setStep('regions')}>
              {t('upload.back')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => finish('published')}
              disabled={Boolean(busy)}
            >
              {t('upload.publish')}
            </button>
            <button type="button" onClick={() => finish('submitted')} disabled={Boolean(busy)}>
              {t('upload.submitForReview')}
            </button>
          </p>
        </section>
      ) : null}

      {step === 'done' && result ? (
        <section className="wizard-panel" aria-labelledby="done-title">
          <h2 id="done-title">{t('upload.step.done')}</h2>
          <p role="status">
            {result.kind === 'published'
              ? t('upload.publishedVersion', { version: result.version ?? '' })
              : t('upload.submitted')}
          </p>
          {result.coverage ? <p data-coverage>{coverageText(result.coverage, t)}</p> : null}
          <p>
            <Link to={`/dataset/${encodeURIComponent(packageName)}`}>{t('upload.openDataset')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

/** What publishing filled into the dataset's coverage, in words. */
function coverageText(c: Coverage, t: TFunction<'translation', undefined>): string {
  const parts: string[] = [];
  if (c.cakupan_wilayah?.length || c.cakupan_wilayah_tingkat)
    parts.push(
      t('upload.coverageRegion', {
        codes: c.cakupan_wilayah?.join(', ') ?? '—',
        level: c.cakupan_wilayah_tingkat ?? '—',
      }),
    );
  if (c.cakupan_waktu_mulai)
    parts.push(t('upload.coverageTime', { from: c.cakupan_waktu_mulai, to: c.cakupan_waktu_selesai ?? '' }));
  return t('upload.coverageFilled', { what: parts.join('; ') });
}
