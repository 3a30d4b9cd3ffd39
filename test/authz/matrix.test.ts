/**
 * The authorisation matrix: every registered action × (anonymous, admin of another
 * institution, produsen, walidata, admin, sysadmin) × (public, private dataset) against the
 * expected allow/deny. An action added without a row here fails the test. "allow" means the
 * policy let the call through (the handler may still refuse on content, e.g. CONFLICT).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/actions/types.js';
import { loadActor } from '../../src/auth/actor.js';
import { KendaliError } from '../../src/core/errors.js';
import { makeContext } from '../../src/http/context.js';
import { addUpload } from '../../src/ingest/uploads.js';
import { type AlertRuleRow, openAlert } from '../../src/ruang-kendali/alerts.js';
import { addUser, systemCtx } from '../support/accounts.js';
import { openTestServices, type TestServices } from '../support/services.js';

const ROLES = ['anonymous', 'other', 'produsen', 'walidata', 'admin', 'sysadmin'] as const;
type Role = (typeof ROLES)[number];
type Vis = 'public' | 'private';
type Outcome = 'allow' | 'deny';

const EVERYONE: readonly Role[] = ROLES;
const SIGNED_IN: readonly Role[] = ['other', 'produsen', 'walidata', 'admin', 'sysadmin'];
const EDITORS: readonly Role[] = ['produsen', 'walidata', 'admin', 'sysadmin'];
const MANAGERS: readonly Role[] = ['walidata', 'admin', 'sysadmin'];
const ORG_ADMINS: readonly Role[] = ['admin', 'sysadmin'];
const SYSADMIN: readonly Role[] = ['sysadmin'];

interface Fixture {
  /** A dataset of that visibility with an imported datastore table: its resource id. */
  table(vis: Vis): Promise<string>;
  /** A file uploaded by the role's user (anonymous: by nobody), and a dataset to import it into. */
  upload(role: Role, vis: Vis): Promise<{ upload_id: string; package_id: string }>;
  /** A fresh API token of the produsen user (its id). */
  token(): Promise<string>;
  /** Makes `other` a member of bps, so there is a membership to delete. */
  membership(): Promise<void>;
  /** A fresh dataset of the given visibility in institution `bps` (name, id, its resource id). */
  dataset(vis: Vis): Promise<{ name: string; id: string; resource: string }>;
  user(role: Role): { id: string; name: string } | null;
  /** A harvest source of institution `bps` (its name). */
  harvestSource(): Promise<string>;
  /** A queued harvest job of that source, created by Kendali itself (its id). */
  job(): Promise<string>;
  /** A submission under review for a fresh dataset of `bps` (its id). */
  submission(vis: Vis): Promise<string>;
  /** A fresh article of `bps`: published (public) or a draft (private); its id. */
  article(vis: Vis): Promise<string>;
  /** Calls an action as the system. */
  call(name: string, input: Record<string, unknown>): Promise<unknown>;
  /** Ruang Kendali: a dataset of `bps` of that visibility with a datastore table (its id). */
  tableDataset(vis: Vis): Promise<string>;
  /** An indicator of `bps` over such a dataset (its name). */
  indicator(vis: Vis): Promise<string>;
  /** A programme of `bps` (its name). */
  programme(): Promise<string>;
  /** An alert rule of `bps` and an open alert of it (their ids). */
  alert(): Promise<{ rule: string; alert: string }>;
  /** A registered province map (its name). */
  map(): Promise<string>;
}

interface Row {
  readonly input: (f: Fixture, vis: Vis, role: Role) => Promise<Record<string, unknown>>;
  /** Who may, for a public and for a private dataset (same list when the action has no dataset). */
  readonly allowed: { readonly public: readonly Role[]; readonly private: readonly Role[] };
}

const same = (roles: readonly Role[]) => ({ public: roles, private: roles });
const onDataset = (pub: readonly Role[], priv: readonly Role[]) => ({ public: pub, private: priv });
const PRIVATE_READERS: readonly Role[] = ['produsen', 'walidata', 'admin', 'sysadmin'];
let n = 0;
const fresh = () => `authz-${++n}`;

/** An agenda item of institution `bps` (its id). */
const agendaItem = async (f: Fixture): Promise<string> =>
  (
    (await f.call('agenda_create', {
      owner_org: 'bps',
      title: `Rilis ${fresh()}`,
      kind: 'release',
      starts_at: '2026-05-05T11:00',
    })) as { id: string }
  ).id;
/** A media source of institution `bps` (its name). */
const mediaSource = async (f: Fixture): Promise<string> =>
  (
    (await f.call('media_source_create', {
      name: fresh(),
      url: 'http://127.0.0.1:9/rss.xml',
      owner_org: 'bps',
    })) as { name: string }
  ).name;

/** A board of institution `bps`, private for the private column (its name). */
const board = async (f: Fixture, vis: Vis): Promise<string> =>
  (
    (await f.call('board_create', {
      name: fresh(),
      title: 'Papan uji',
      organization: 'bps',
      private: vis === 'private',
      tiles: [{ id: 'peringatan', kind: 'alerts', x: 0, y: 0, w: 12, h: 2 }],
    })) as { name: string }
  ).name;

const MATRIX: Record<string, Row> = {
  status_show: { input: async () => ({}), allowed: same(EVERYONE) },
  help_show: { input: async () => ({ name: 'package_show' }), allowed: same(EVERYONE) },
  config_option_show: { input: async () => ({}), allowed: same(SYSADMIN) },
  config_option_update: { input: async () => ({ 'ckan.site_title': 'Uji' }), allowed: same(SYSADMIN) },
  organization_list: { input: async () => ({ all_fields: true }), allowed: same(EVERYONE) },
  organization_show: { input: async () => ({ id: 'bps', include_datasets: true }), allowed: same(EVERYONE) },
  organization_create: { input: async () => ({ name: fresh() }), allowed: same(SYSADMIN) },
  organization_update: {
    input: async () => ({ id: 'bps', description: 'diubah' }),
    allowed: same(ORG_ADMINS),
  },
  organization_delete: { input: async () => ({ id: 'bps' }), allowed: same(ORG_ADMINS) },
  organization_activity_list: { input: async () => ({ id: 'bps' }), allowed: same(EVERYONE) },
  group_list: { input: async () => ({ all_fields: true }), allowed: same(EVERYONE) },
  group_show: { input: async () => ({ id: 'tema' }), allowed: same(EVERYONE) },
  group_create: { input: async () => ({ name: fresh() }), allowed: same(SYSADMIN) },
  package_list: { input: async () => ({}), allowed: same(EVERYONE) },
  package_search: { input: async () => ({ q: 'data', include_private: true }), allowed: same(EVERYONE) },
  package_show: {
    input: async (f, v) => ({ id: (await f.dataset(v)).name }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  // Use of datasets (src/catalog/usage.ts): a read counts where the dataset may be read.
  package_view: {
    input: async (f, v) => ({ id: (await f.dataset(v)).name }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  package_popular: { input: async () => ({ rows: 5 }), allowed: same(EVERYONE) },
  package_activity_list: {
    input: async (f, v) => ({ id: (await f.dataset(v)).id }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  package_create: {
    input: async (_f, v) => ({ name: fresh(), owner_org: 'bps', private: v === 'private' }),
    allowed: same(EDITORS),
  },
  package_update: {
    input: async (f, v) => ({ id: (await f.dataset(v)).id, title: 'Baru', private: v === 'private' }),
    allowed: same(EDITORS),
  },
  package_patch: {
    input: async (f, v) => ({ id: (await f.dataset(v)).id, version: '2' }),
    allowed: same(EDITORS),
  },
  package_delete: { input: async (f, v) => ({ id: (await f.dataset(v)).id }), allowed: same(MANAGERS) },
  resource_show: {
    input: async (f, v) => ({ id: (await f.dataset(v)).resource }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  resource_create: {
    input: async (f, v) => ({
      package_id: (await f.dataset(v)).id,
      url: 'https://example.org/x.csv',
      format: 'CSV',
    }),
    allowed: same(EDITORS),
  },
  resource_update: {
    input: async (f, v) => ({ id: (await f.dataset(v)).resource, url: 'https://example.org/y.csv' }),
    allowed: same(EDITORS),
  },
  resource_patch: {
    input: async (f, v) => ({ id: (await f.dataset(v)).resource, name: 'baru' }),
    allowed: same(EDITORS),
  },
  resource_delete: { input: async (f, v) => ({ id: (await f.dataset(v)).resource }), allowed: same(EDITORS) },
  tag_list: { input: async () => ({}), allowed: same(EVERYONE) },
  datastore_search: {
    input: async (f, v) => ({ resource_id: await f.table(v) }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  datastore_search_sql: {
    input: async (f, v) => ({ sql: `SELECT count(*) AS n FROM "${await f.table(v)}"` }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  datastore_info: {
    input: async (f, v) => ({ id: await f.table(v) }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  datastore_diff: {
    input: async (f, v) => ({ resource_id: await f.table(v), from_version: 1, to_version: 1 }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  datastore_import: {
    input: async (f, v, role) => ({ ...(await f.upload(role, v)), dry_run: true }),
    allowed: same(EDITORS),
  },
  datastore_create: {
    input: async (f, v) => ({
      resource: { package_id: (await f.dataset(v)).id, name: 'tabel' },
      fields: [{ id: 'provinsi', type: 'text' }],
      primary_key: 'provinsi',
      records: [{ provinsi: 'Aceh' }],
    }),
    allowed: same(EDITORS),
  },
  datastore_upsert: {
    input: async (f, v) => ({
      resource_id: await f.table(v),
      method: 'insert',
      records: [{ provinsi: 'Jambi', nilai: 3 }],
    }),
    allowed: same(EDITORS),
  },
  datastore_delete: {
    input: async (f, v) => ({ resource_id: await f.table(v), filters: { provinsi: 'Aceh' } }),
    allowed: same(EDITORS),
  },
  license_list: { input: async () => ({}), allowed: same(EVERYONE) },
  region_list: { input: async () => ({ parent: '32' }), allowed: same(EVERYONE) },
  region_show: { input: async () => ({ id: '32.01' }), allowed: same(EVERYONE) },
  user_show: { input: async (f) => ({ id: f.user('produsen')?.name }), allowed: same(SIGNED_IN) },
  user_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  user_create: {
    input: async () => ({ name: fresh(), password: 'sandi-yang-panjang', email: `${fresh()}@example.go.id` }),
    allowed: same(SYSADMIN),
  },
  user_update: {
    input: async (f) => ({ id: f.user('produsen')?.name, fullname: 'Nama Baru' }),
    allowed: same(['produsen', 'sysadmin']),
  },
  member_create: {
    input: async (f) => ({
      id: 'bps',
      object: f.user('other')?.name,
      object_type: 'user',
      capacity: 'member',
    }),
    allowed: same(ORG_ADMINS),
  },
  member_delete: {
    input: async (f) => {
      await f.membership();
      return { id: 'bps', object: f.user('other')?.name, object_type: 'user' };
    },
    allowed: same(ORG_ADMINS),
  },
  member_list: { input: async () => ({ id: 'bps' }), allowed: same(SIGNED_IN) },
  api_token_create: {
    input: async (f) => ({ user: f.user('produsen')?.name, name: 'skrip' }),
    allowed: same(['produsen', 'sysadmin']),
  },
  api_token_list: {
    input: async (f) => ({ user: f.user('produsen')?.name }),
    allowed: same(['produsen', 'sysadmin']),
  },
  api_token_revoke: {
    input: async (f) => ({ jti: await f.token() }),
    allowed: same(['produsen', 'sysadmin']),
  },
  harvest_source_create: {
    input: async () => ({ name: fresh(), type: 'ckan', url: 'http://127.0.0.1:9', owner_org: 'bps' }),
    allowed: same(ORG_ADMINS),
  },
  harvest_source_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  harvest_source_show: { input: async (f) => ({ id: await f.harvestSource() }), allowed: same(ORG_ADMINS) },
  harvest_run: { input: async (f) => ({ id: await f.harvestSource() }), allowed: same(ORG_ADMINS) },
  harvest_log: { input: async (f) => ({ id: await f.harvestSource() }), allowed: same(ORG_ADMINS) },
  job_show: { input: async (f) => ({ id: await f.job() }), allowed: same(ORG_ADMINS) },
  job_cancel: { input: async (f) => ({ id: await f.job() }), allowed: same(ORG_ADMINS) },
  job_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  search_index_rebuild: { input: async () => ({}), allowed: same(SYSADMIN) },
  data_plan_create: {
    input: async () => ({ year: 2026, owner_org: 'bps', title: fresh(), frequency: 'yearly' }),
    allowed: same(MANAGERS),
  },
  data_plan_list: { input: async () => ({ year: 2026 }), allowed: same(SIGNED_IN) },
  data_plan_import: {
    input: async (f, v, role) => ({ upload_id: (await f.upload(role, v)).upload_id }),
    allowed: same(SIGNED_IN),
  },
  review_submit: {
    input: async (f, v, role) => f.upload(role, v),
    allowed: same(EDITORS),
  },
  review_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  review_show: { input: async (f, v) => ({ id: await f.submission(v) }), allowed: same(PRIVATE_READERS) },
  review_decide: {
    input: async (f, v) => ({ id: await f.submission(v), decision: 'approve' }),
    allowed: same(MANAGERS),
  },
  // Humas: the joint PR agenda (members of the institution post; anyone reads) and media monitoring.
  agenda_create: {
    input: async () => ({
      owner_org: 'bps',
      title: 'Konferensi pers',
      kind: 'press_conference',
      starts_at: '2026-05-04T10:00',
    }),
    allowed: same(EDITORS),
  },
  agenda_show: { input: async (f) => ({ id: await agendaItem(f) }), allowed: same(EVERYONE) },
  agenda_list: { input: async () => ({ from: '2026-05-01', to: '2026-05-31' }), allowed: same(EVERYONE) },
  agenda_week: { input: async () => ({ date: '2026-05-04' }), allowed: same(EVERYONE) },
  agenda_update: {
    input: async (f) => ({ id: await agendaItem(f), topic: 'Inflasi' }),
    allowed: same(EDITORS),
  },
  agenda_delete: { input: async (f) => ({ id: await agendaItem(f) }), allowed: same(EDITORS) },
  media_source_create: {
    input: async () => ({ name: fresh(), url: 'http://127.0.0.1:9/rss.xml', owner_org: 'bps' }),
    allowed: same(ORG_ADMINS),
  },
  media_source_show: { input: async (f) => ({ id: await mediaSource(f) }), allowed: same(ORG_ADMINS) },
  media_source_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  media_source_update: {
    input: async (f) => ({ id: await mediaSource(f), schedule: '0 7 * * *' }),
    allowed: same(ORG_ADMINS),
  },
  media_source_delete: { input: async (f) => ({ id: await mediaSource(f) }), allowed: same(ORG_ADMINS) },
  media_source_fetch: { input: async (f) => ({ id: await mediaSource(f) }), allowed: same(ORG_ADMINS) },
  media_alias_create: {
    input: async () => ({ kind: 'programme', programme: 'Makan Bergizi Gratis', alias: fresh() }),
    allowed: same(SYSADMIN),
  },
  media_alias_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  media_alias_delete: {
    input: async (f) => ({
      id: (
        (await f.call('media_alias_create', {
          kind: 'organization',
          organization: 'bps',
          alias: fresh(),
        })) as {
          id: string;
        }
      ).id,
    }),
    allowed: same(SYSADMIN),
  },
  media_item_list: {
    input: async () => ({ organization: 'bps', sentiment: 'negative' }),
    allowed: same(SIGNED_IN),
  },
  media_trend: { input: async () => ({ organization: 'bps' }), allowed: same(SIGNED_IN) },
  media_sentiment_daily: { input: async () => ({}), allowed: same(SIGNED_IN) },
  article_create: {
    input: async (_f, v) => ({
      owner_org: 'bps',
      title: fresh(),
      state: v === 'private' ? 'draft' : 'published',
    }),
    allowed: same(EDITORS),
  },
  article_show: {
    input: async (f, v) => ({ id: await f.article(v) }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  article_list: { input: async () => ({ include_drafts: true }), allowed: same(EVERYONE) },
  article_update: {
    input: async (f, v) => ({ id: await f.article(v), lead: 'Baru' }),
    allowed: same(EDITORS),
  },
  // Readers' engagement: anyone on a published article; nobody on a draft (Not Found).
  article_view: { input: async (f, v) => ({ id: await f.article(v) }), allowed: onDataset(EVERYONE, []) },
  article_react: {
    input: async (f, v) => {
      const id = await f.article(v);
      const shown = (await f.call('article_show', { id })) as { page_token: string };
      return { id, reaction: 'bangga', token: shown.page_token };
    },
    allowed: onDataset(EVERYONE, []),
  },
  article_share: {
    input: async (f, v) => ({ id: await f.article(v), channel: 'copy' }),
    allowed: onDataset(EVERYONE, []),
  },
  humas_engagement: { input: async () => ({}), allowed: same(SIGNED_IN) },
  overdue_list: { input: async () => ({ owner_org: 'bps' }), allowed: same(SIGNED_IN) },
  notification_list: { input: async () => ({ unread_only: true }), allowed: same(SIGNED_IN) },
  notification_read: { input: async () => ({ all: true }), allowed: same(SIGNED_IN) },
  indicator_create: {
    input: async (f, v) => ({
      name: fresh(),
      owner_org: 'bps',
      package_id: await f.tableDataset(v),
      measure: 'nilai',
      polarity: 'higher',
    }),
    allowed: same(EDITORS),
  },
  indicator_show: {
    input: async (f, v) => ({ id: await f.indicator(v) }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  indicator_values: {
    input: async (f, v) => ({ id: await f.indicator(v) }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  indicator_list: { input: async () => ({}), allowed: same(EVERYONE) },
  indicator_update: {
    input: async (f, v) => ({ id: await f.indicator(v), title: 'Indikator baru' }),
    allowed: same(EDITORS),
  },
  programme_create: {
    input: async () => ({ name: fresh(), owner_org: 'bps', title: 'Program prioritas' }),
    allowed: same(EDITORS),
  },
  programme_show: { input: async (f) => ({ id: await f.programme() }), allowed: same(EVERYONE) },
  programme_list: { input: async () => ({ owner_org: 'bps' }), allowed: same(EVERYONE) },
  programme_update: {
    input: async (f) => ({ id: await f.programme(), status: 'at_risk', bottleneck: 'Lahan belum bebas' }),
    allowed: same(EDITORS),
  },
  alert_rule_create: {
    input: async (f, v) => ({
      name: fresh(),
      kind: 'stale_data',
      owner_org: 'bps',
      package_id: await f.tableDataset(v),
      params: { max_age_days: 30 },
    }),
    allowed: same(MANAGERS),
  },
  alert_rule_list: { input: async () => ({}), allowed: same(SIGNED_IN) },
  alert_rule_update: {
    input: async (f) => ({ id: (await f.alert()).rule, deadline_days: 5 }),
    allowed: same(MANAGERS),
  },
  alert_list: { input: async () => ({ state: 'all' }), allowed: same(SIGNED_IN) },
  alert_show: { input: async (f) => ({ id: (await f.alert()).alert }), allowed: same(PRIVATE_READERS) },
  alert_update: {
    input: async (f) => ({ id: (await f.alert()).alert, note: 'Sedang ditindaklanjuti' }),
    allowed: same(EDITORS),
  },
  board_create: {
    input: async (_f, v) => ({
      name: fresh(),
      title: 'Papan uji',
      organization: 'bps',
      private: v === 'private',
      tiles: [],
    }),
    allowed: same(EDITORS),
  },
  board_show: {
    input: async (f, v) => ({ id: await board(f, v), data: true }),
    allowed: onDataset(EVERYONE, PRIVATE_READERS),
  },
  board_list: { input: async () => ({}), allowed: same(EVERYONE) },
  board_update: {
    input: async (f, v) => ({ id: await board(f, v), title: 'Papan baru' }),
    allowed: same(EDITORS),
  },
  board_delete: { input: async (f, v) => ({ id: await board(f, v) }), allowed: same(EDITORS) },
  board_share: { input: async (f, v) => ({ id: await board(f, v), enabled: true }), allowed: same(EDITORS) },
  map_create: {
    input: async (f, v, role) => ({
      name: fresh(),
      level: 'province',
      code_property: 'kode',
      upload_id: (await f.upload(role, v)).upload_id,
    }),
    allowed: same(SYSADMIN),
  },
  map_list: { input: async () => ({}), allowed: same(EVERYONE) },
  map_show: { input: async (f) => ({ id: await f.map() }), allowed: same(EVERYONE) },
};

describe('authorisation matrix', () => {
  let t: TestServices;
  const actors = new Map<Role, Actor | null>();
  const users = new Map<Role, { id: string; name: string }>();

  beforeAll(async () => {
    t = await openTestServices('pglite', { regions: true }); // region_* read the seeded regions
    const sys = systemCtx(t);
    await t.registry.call('organization_create', sys, { name: 'bps', title: 'Badan Pusat Statistik' });
    await t.registry.call('organization_create', sys, { name: 'kemenkes', title: 'Kementerian Kesehatan' });
    await t.registry.call('group_create', sys, { name: 'tema', title: 'Tema' });
    const memberships: [Role, string, string][] = [
      ['other', 'kemenkes', 'admin'],
      ['produsen', 'bps', 'produsen'],
      ['walidata', 'bps', 'walidata'],
      ['admin', 'bps', 'admin'],
    ];
    for (const role of ROLES.filter((r) => r !== 'anonymous')) {
      const u = await addUser(t, `user-${role}`, { sysadmin: role === 'sysadmin' });
      users.set(role, u);
    }
    for (const [role, org, capacity] of memberships) {
      await t.registry.call('member_create', sys, {
        id: org,
        object: users.get(role)?.name,
        object_type: 'user',
        capacity,
      });
    }
    actors.set('anonymous', null);
    for (const [role, u] of users) actors.set(role, await loadActor(t.services.catalog.db, u.id));
  });
  afterAll(async () => t.cleanup());

  const csv = join(mkdtempSync(join(tmpdir(), 'kendali-authz-')), 'data.csv');
  writeFileSync(csv, 'provinsi,nilai\nAceh,1\nBali,2\n');
  const fixture: Fixture = {
    table: async (vis) => {
      const ds = await fixture.dataset(vis);
      const up = await addUpload(t.services.config.dataDir, csv, null);
      const r = (await t.registry.call('datastore_import', systemCtx(t), {
        upload_id: up.id,
        package_id: ds.name,
      })) as { resource_id: string };
      return r.resource_id;
    },
    upload: async (role, vis) => {
      const ds = await fixture.dataset(vis);
      const up = await addUpload(t.services.config.dataDir, csv, users.get(role)?.id ?? null);
      return { upload_id: up.id, package_id: ds.name };
    },
    token: async () => {
      const made = (await t.registry.call('api_token_create', systemCtx(t), {
        user: 'user-produsen',
        name: fresh(),
      })) as { id: string };
      return made.id;
    },
    harvestSource: async () => {
      const made = (await t.registry.call('harvest_source_create', systemCtx(t), {
        name: fresh(),
        type: 'ckan',
        url: 'http://127.0.0.1:9',
        owner_org: 'bps',
      })) as { name: string };
      return made.name;
    },
    job: async () => {
      const made = (await t.registry.call('harvest_run', systemCtx(t), {
        id: await fixture.harvestSource(),
      })) as { id: string };
      return made.id;
    },
    submission: async (vis) => {
      const ds = await fixture.dataset(vis);
      const up = await addUpload(t.services.config.dataDir, csv, null);
      const made = (await t.registry.call('review_submit', systemCtx(t), {
        upload_id: up.id,
        package_id: ds.name,
      })) as { id: string };
      return made.id;
    },
    article: async (vis) => {
      const made = (await t.registry.call('article_create', systemCtx(t), {
        owner_org: 'bps',
        title: `Berita ${fresh()}`,
        state: vis === 'private' ? 'draft' : 'published',
      })) as { id: string };
      return made.id;
    },
    call: (name, input) => t.registry.call(name, systemCtx(t), input),
    membership: async () => {
      await t.registry.call('member_create', systemCtx(t), {
        id: 'bps',
        object: 'user-other',
        object_type: 'user',
        capacity: 'member',
      });
    },
    dataset: async (vis) => {
      const name = fresh();
      const ds = (await t.registry.call('package_create', systemCtx(t), {
        name,
        title: `Data ${name}`,
        owner_org: 'bps',
        private: vis === 'private',
        resources: [{ url: 'https://example.org/data.csv', format: 'CSV' }],
      })) as { id: string; resources: { id: string }[] };
      return { name, id: ds.id, resource: ds.resources[0]?.id ?? '' };
    },
    user: (role) => users.get(role) ?? null,
    tableDataset: async (vis) => {
      const resource = await fixture.table(vis);
      const r = await t.services.catalog.db
        .selectFrom('resource')
        .select('dataset_id')
        .where('id', '=', resource)
        .executeTakeFirstOrThrow();
      return r.dataset_id;
    },
    indicator: async (vis) => {
      const name = fresh();
      await t.registry.call('indicator_create', systemCtx(t), {
        name,
        owner_org: 'bps',
        package_id: await fixture.tableDataset(vis),
        measure: 'nilai',
        polarity: 'higher',
      });
      return name;
    },
    programme: async () => {
      const name = fresh();
      await t.registry.call('programme_create', systemCtx(t), { name, owner_org: 'bps', title: 'Program' });
      return name;
    },
    alert: async () => {
      const rule = (await t.registry.call('alert_rule_create', systemCtx(t), {
        name: fresh(),
        kind: 'overdue_submission',
        owner_org: 'bps',
      })) as AlertRuleRow;
      const alert = await openAlert(
        t.services,
        rule,
        { subject: fresh(), title: 'Uji', detail: {} },
        new Date(),
      );
      return { rule: rule.id, alert: alert?.id ?? '' };
    },
    map: async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'kendali-authz-map-')), 'peta.geojson');
      const feature = { type: 'Feature', properties: { kode: 32 }, geometry: null };
      writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
      const name = fresh();
      await t.registry.call('map_create', systemCtx(t), {
        name,
        level: 'province',
        code_property: 'kode',
        upload_id: (await addUpload(t.services.config.dataDir, file, null)).id,
      });
      return name;
    },
  };

  const outcome = async (action: string, role: Role, vis: Vis): Promise<Outcome> => {
    const input = await MATRIX[action]?.input(fixture, vis, role);
    const ctx = makeContext(t.registry, t.services, actors.get(role) ?? null, 'id', 'authz');
    try {
      await t.registry.call(action, ctx, input);
      return 'allow';
    } catch (e) {
      if (!(e instanceof KendaliError)) throw e;
      if (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND') return 'deny';
      // User SQL naming a table the caller may not read: refused as if the table did not exist.
      if (e.code === 'VALIDATION' && /unknown table/.test(JSON.stringify(e.fields))) return 'deny';
      if (e.code === 'CONFLICT' || (e.code === 'VALIDATION' && role !== 'anonymous')) return 'allow';
      throw new Error(
        `${action} as ${role} on ${vis}: unexpected ${e.code}: ${e.message} ${JSON.stringify(e.fields)}`,
      );
    }
  };

  it('has a row for every registered action', () => {
    const registered = t.registry.list().map((a) => a.name);
    expect(registered.filter((name) => !MATRIX[name])).toEqual([]);
  });

  it('gives the expected allow/deny for every action, role and visibility', async () => {
    const wrong: string[] = [];
    for (const action of t.registry.list().map((a) => a.name)) {
      const row = MATRIX[action];
      if (!row) continue;
      for (const vis of ['public', 'private'] as const) {
        for (const role of ROLES) {
          const expected: Outcome = row.allowed[vis].includes(role) ? 'allow' : 'deny';
          const got = await outcome(action, role, vis);
          if (got !== expected)
            wrong.push(`${action} as ${role} on a ${vis} dataset: expected ${expected}, got ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});

describe('private datasets never leak', () => {
  let t: TestServices;
  const SECRET = 'rahasiakemiskinan';
  beforeAll(async () => {
    t = await openTestServices('pglite');
    const sys = systemCtx(t);
    await t.registry.call('organization_create', sys, { name: 'bps', title: 'Badan Pusat Statistik' });
    await t.registry.call('organization_create', sys, { name: 'kemenkes', title: 'Kementerian Kesehatan' });
    await t.registry.call('group_create', sys, { name: 'tema', title: 'Tema' });
    await t.registry.call('package_create', sys, {
      name: 'terbuka',
      title: 'Kemiskinan Terbuka',
      owner_org: 'bps',
      tags: [{ name: 'umum' }],
      groups: [{ name: 'tema' }],
      resources: [{ url: 'https://example.org/a.csv', format: 'CSV' }],
    });
    await t.registry.call('package_create', sys, {
      name: SECRET,
      title: `Kemiskinan ${SECRET}`,
      owner_org: 'bps',
      private: true,
      tags: [{ name: SECRET }],
      groups: [{ name: 'tema' }],
      license_id: 'other-closed',
      resources: [{ url: 'https://example.org/rahasia.parquet', format: 'PARQUET' }],
    });
    const other = await addUser(t, 'orang-luar');
    await t.registry.call('member_create', sys, {
      id: 'kemenkes',
      object: other.name,
      object_type: 'user',
      capacity: 'admin',
    });
  });
  afterAll(async () => t.cleanup());

  it('not through actions: search, facets, counts, lists, activity', async () => {
    const other = await loadActor(
      t.services.catalog.db,
      (
        await t.services.catalog.db
          .selectFrom('app_user')
          .select('id')
          .where('name', '=', 'orang-luar')
          .executeTakeFirstOrThrow()
      ).id,
    );
    for (const who of [null, other]) {
      const call = (name: string, input: unknown) =>
        t.registry.call(name, makeContext(t.registry, t.services, who, 'id', 'leak'), input);
      const outputs = await Promise.all([
        call('package_search', {
          q: 'kemiskinan',
          include_private: true,
          include_drafts: true,
          'facet.field': '["organization","tags","groups","res_format","license_id"]',
        }),
        call('package_search', { fq: `tags:${SECRET}`, include_private: true }),
        call('package_list', {}),
        call('tag_list', { all_fields: true }),
        call('organization_list', { all_fields: true }),
        call('organization_show', { id: 'bps', include_datasets: true }),
        call('group_list', { all_fields: true }),
        call('group_show', { id: 'tema', include_datasets: true }),
        call('organization_activity_list', { id: 'bps' }),
      ]);
      const text = JSON.stringify(outputs);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('PARQUET');
      expect(text).not.toContain('other-closed');
      const [search, bySecretTag, , , orgs, org, groups, group] = outputs as {
        count?: number;
        package_count?: number;
        name?: string;
      }[];
      expect(search?.count).toBe(1);
      expect(bySecretTag?.count).toBe(0);
      expect(
        (orgs as unknown as { name: string; package_count: number }[]).find((o) => o.name === 'bps')
          ?.package_count,
      ).toBe(1);
      expect(org?.package_count).toBe(1);
      expect(
        (groups as unknown as { name: string; package_count: number }[]).find((g) => g.name === 'tema')
          ?.package_count,
      ).toBe(1);
      expect(group?.package_count).toBe(1);
    }
  });

  it('not through DCAT or the dataset page', async () => {
    const { buildApp } = await import('../../src/http/app.js');
    const app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    try {
      for (const url of ['/catalog.ttl', '/catalog.jsonld', '/catalog.rdf']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.body, url).not.toContain(SECRET);
      }
      // A private dataset's own URLs answer exactly as a name that does not exist.
      for (const suffix of ['.ttl', '.jsonld', '.rdf', '']) {
        const secret = await app.inject({
          method: 'GET',
          url: `/dataset/${SECRET}${suffix}`,
          headers: { accept: 'text/html' },
        });
        const absent = await app.inject({
          method: 'GET',
          url: `/dataset/tidakadasamasekali${suffix}`,
          headers: { accept: 'text/html' },
        });
        expect(secret.statusCode, suffix).toBe(absent.statusCode);
        expect(secret.body.replaceAll(SECRET, 'X'), suffix).toBe(
          absent.body.replaceAll('tidakadasamasekali', 'X'),
        );
      }
      const catalog = await app.inject({ method: 'GET', url: '/catalog.ttl' });
      expect(catalog.statusCode).toBe(200);
      expect(catalog.body).toContain('terbuka');
    } finally {
      await app.close();
    }
  });
});
