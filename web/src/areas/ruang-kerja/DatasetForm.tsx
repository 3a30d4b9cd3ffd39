import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { callAction } from '../../api.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { type Draft, emptyDraft, FREQUENCIES, fromPackage, LEVELS, type Package, toInput } from './draft.js';
import { useInstitutions } from './MyDatasets.js';
import { errorsOf, Field, FormStatus, Gate, useAction } from './shared.js';
import { Versions } from './Versions.js';

interface License {
  id: string;
  title: string;
}
/** A dataset name from its title: lowercase ASCII words joined by hyphens. */
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
type TextKey = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft];

/**
 * /ruang-kerja/dataset/baru and /ruang-kerja/dataset/:name: create (package_create) or edit
 * (package_patch) a dataset's CKAN and Satu Data fields; server field errors appear beside the
 * fields. When editing: its data versions with what changed, and a link to upload new data.
 */
export default function DatasetForm() {
  const { t } = useTranslation();
  const { name } = useParams();
  const [title, setTitle] = useState<string>();
  usePageTitle(name ? t('workspace.form.titleEdit', { title: title ?? name }) : t('workspace.form.titleNew'));
  return (
    <div className="page">
      <h1>{name ? t('workspace.form.titleEdit', { title: title ?? name }) : t('workspace.form.titleNew')}</h1>
      <Gate>
        <EditForm key={name ?? ''} name={name} onTitle={setTitle} />
      </Gate>
    </div>
  );
}

function EditForm({ name, onTitle }: { name: string | undefined; onTitle: (title: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const institutions = useInstitutions();
  const [licenses, setLicenses] = useState<License[]>([]);
  const [pkg, setPkg] = useState<Package | null>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const { busy, error, done, run } = useAction();
  // Set by the create step before it moves here, so the new dataset's page says it was created.
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [nameTouched, setNameTouched] = useState(false);

  useEffect(() => {
    callAction<License[]>('license_list').then(setLicenses, () => setLicenses([]));
  }, []);
  useEffect(() => {
    if (!name) return setPkg(null);
    callAction<Package>('package_show', { id: name }).then(
      (p) => {
        setPkg(p);
        setDraft(fromPackage(p));
        onTitle(p.title || p.name);
      },
      () => setPkg(null),
    );
  }, [name, onTitle]);
  useEffect(() => {
    if (!name && institutions?.[0] && !draft.owner_org)
      setDraft((d) => ({ ...d, owner_org: institutions[0]?.name ?? '' }));
  }, [name, institutions, draft.owner_org]);

  if (name && pkg === undefined) return <p>{t('common.loading')}</p>;
  if (name && pkg === null) return <p role="alert">{t('workspace.form.notFound')}</p>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const labels: Record<string, string> = {
    owner_org: t('workspace.form.org'),
    title: t('workspace.form.title'),
    name: t('workspace.form.name'),
    notes: t('workspace.form.notes'),
    tags: t('workspace.form.tags'),
    license_id: t('workspace.form.license'),
    private: t('workspace.form.private'),
    standar_data: t('workspace.form.sdi'),
    sd_konsep: t('workspace.form.konsep'),
    sd_definisi: t('workspace.form.definisi'),
    sd_klasifikasi: t('workspace.form.klasifikasi'),
    sd_ukuran: t('workspace.form.ukuran'),
    sd_satuan: t('workspace.form.satuan'),
    produsen_data: t('workspace.form.produsen_data'),
    walidata: t('workspace.form.walidata'),
    frekuensi_pemutakhiran: t('workspace.form.frekuensi_pemutakhiran'),
    jadwal_rilis: t('workspace.form.jadwal_rilis'),
    cakupan_waktu_mulai: t('workspace.form.cakupan_waktu_mulai'),
    cakupan_waktu_selesai: t('workspace.form.cakupan_waktu_selesai'),
    cakupan_wilayah_tingkat: t('workspace.form.cakupan_wilayah_tingkat'),
    cakupan_wilayah: t('workspace.form.cakupan_wilayah'),
    data_prioritas: t('workspace.form.data_prioritas'),
  };
  const text = (key: TextKey, opts: { hint?: string; multiline?: boolean; required?: boolean } = {}) => (
    <Field
      id={`ds-${key}`}
      label={labels[key] ?? key}
      hint={opts.hint}
      errors={errorsOf(error, key.startsWith('sd_') ? `standar_data.${key.slice(3)}` : key)}
    >
      {(p) =>
        opts.multiline ? (
          <textarea {...p} name={key} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input
            {...p}
            name={key}
            value={draft[key]}
            required={opts.required}
            onChange={(e) => {
              set(key, e.target.value);
              if (key === 'name') setNameTouched(true);
              if (key === 'title' && !name && !nameTouched) set('name', slug(e.target.value));
            }}
          />
        )
      }
    </Field>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const input = toInput(draft, !name);
      if (!name) {
        const made = await callAction<{ name: string }>('package_create', input);
        navigate(`/ruang-kerja/dataset/${encodeURIComponent(made.name)}`, { state: { created: true } });
        return undefined;
      }
      const saved = await callAction<Package>('package_patch', { id: pkg?.id ?? name, ...input });
      setPkg(saved);
      onTitle(saved.title || saved.name);
      if (saved.name !== name) navigate(`/ruang-kerja/dataset/${encodeURIComponent(saved.name)}`);
      return t('workspace.saved');
    });
  };

  return (
    <>
      <p className="ws-actions">
        <Link to="/ruang-kerja/dataset">{t('workspace.datasets.title')}</Link>
        {pkg ? (
          <>
            <Link to={`/dataset/${encodeURIComponent(pkg.name)}`}>{t('workspace.form.open')}</Link>
            <Link to={`/ruang-kerja/unggah?dataset=${encodeURIComponent(pkg.name)}`}>
              {t('workspace.form.uploadTo')}
            </Link>
          </>
        ) : null}
      </p>
      <form className="ws-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('workspace.form.basics')}</legend>
          {name ? null : (
            <Field id="ds-owner_org" label={labels.owner_org ?? ''} errors={errorsOf(error, 'owner_org')}>
              {(p) => (
                <select
                  {...p}
                  name="owner_org"
                  value={draft.owner_org}
                  onChange={(e) => set('owner_org', e.target.value)}
                >
                  {(institutions ?? []).map((o) => (
                    <option key={o.name} value={o.name}>
                      {o.title || o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {text('title', { required: true })}
          {text('name', { hint: t('workspace.form.nameHint'), required: true })}
          {text('notes', { multiline: true })}
          {text('tags', { hint: t('workspace.form.tagsHint') })}
          <Field id="ds-license_id" label={labels.license_id ?? ''} errors={errorsOf(error, 'license_id')}>
            {(p) => (
              <select
                {...p}
                name="license_id"
                value={draft.license_id}
                onChange={(e) => set('license_id', e.target.value)}
              >
                <option value="">{t('workspace.form.licenseNone')}</option>
                {licenses.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="ws-check">
            <input
              id="ds-private"
              type="checkbox"
              checked={draft.private}
              onChange={(e) => set('private', e.target.checked)}
            />
            <label htmlFor="ds-private">{labels.private}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('workspace.form.sdi')}</legend>
          {text('sd_konsep', { multiline: true })}
          {text('sd_definisi', { multiline: true })}
          {text('sd_klasifikasi')}
          {text('sd_ukuran')}
          {text('sd_satuan')}
          {text('produsen_data')}
          {text('walidata')}
          <Field
            id="ds-frekuensi_pemutakhiran"
            label={labels.frekuensi_pemutakhiran ?? ''}
            errors={errorsOf(error, 'frekuensi_pemutakhiran')}
          >
            {(p) => (
              <select
                {...p}
                value={draft.frekuensi_pemutakhiran}
                onChange={(e) => set('frekuensi_pemutakhiran', e.target.value)}
              >
                <option value="">{t('workspace.form.notChosen')}</option>
                {FREQUENCIES.map((f) => (
                  <option key={f} value={f}>
                    {t(`workspace.form.frequencies.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('jadwal_rilis', { hint: t('workspace.form.jadwalHint') })}
          {text('cakupan_waktu_mulai', { hint: t('workspace.form.dateHint') })}
          {text('cakupan_waktu_selesai', { hint: t('workspace.form.dateHint') })}
          <Field
            id="ds-cakupan_wilayah_tingkat"
            label={labels.cakupan_wilayah_tingkat ?? ''}
            errors={errorsOf(error, 'cakupan_wilayah_tingkat')}
          >
            {(p) => (
              <select
                {...p}
                value={draft.cakupan_wilayah_tingkat}
                onChange={(e) => set('cakupan_wilayah_tingkat', e.target.value)}
              >
                <option value="">{t('workspace.form.notChosen')}</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`workspace.form.levels.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('cakupan_wilayah', { hint: t('workspace.form.wilayahHint') })}
          <div className="ws-check">
            <input
              id="ds-data_prioritas"
              type="checkbox"
              checked={draft.data_prioritas}
              onChange={(e) => set('data_prioritas', e.target.checked)}
            />
            <label htmlFor="ds-data_prioritas">{labels.data_prioritas}</label>
          </div>
        </fieldset>
        <FormStatus
          error={error}
          done={done ?? (created && !busy ? t('workspace.form.created') : undefined)}
          labels={labels}
        />
        <button type="submit" disabled={busy}>
          {busy
            ? t('workspace.saving')
            : name
              ? t('workspace.form.submitSave')
              : t('workspace.form.submitCreate')}
        </button>
      </form>
      {pkg ? <Versions pkg={pkg} /> : null}
    </>
  );
}
