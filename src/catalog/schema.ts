/** Row types of the catalog tables, as Kysely sees them. Migrations in ./migrations define them. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { SdiCoverage } from './sdi.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable column that may be left out of an insert. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface RegionTable {
  code: string;
  name: string;
  /** 1 province, 2 regency/city, 3 district, 4 village. */
  level: number;
  parent_code: string | null;
  kind: string;
}

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  title: string;
  /** ministry, agency, province, regency, city. */
  org_type: string;
  /** central, province, regency. */
  level: string;
  region_code: Nullable<string>;
  description: Generated<string>;
  image_url: Nullable<string>;
  state: Generated<string>;
  extras: JSONColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>;
  created: Timestamp;
  modified: Timestamp;
}

export interface DatasetTable {
  id: Generated<string>;
  name: string;
  title: string;
  notes: Generated<string>;
  organization_id: string;
  private: Generated<boolean>;
  state: Generated<string>;
  license_id: Nullable<string>;
  /** Satu Data fields (standar data, produsen, walidata, frequency, coverage, priority…). */
  sdi: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
  extras: JSONColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  author: Generated<string>;
  author_email: Generated<string>;
  maintainer: Generated<string>;
  maintainer_email: Generated<string>;
  url: Generated<string>;
  version: Generated<string>;
  creator_user_id: Nullable<string>;
  /** Maintained by search/index.ts after every write. */
  search_vector: ColumnType<string, never, never>;
  /** 0–100, from quality.ts; refreshed after every write. */
  quality_score: ColumnType<number, number | undefined, number>;
  created: Timestamp;
  modified: Timestamp;
}

export interface GroupTable {
  id: Generated<string>;
  name: string;
  title: string;
  description: Generated<string>;
  image_url: Nullable<string>;
  state: Generated<string>;
  created: Timestamp;
  modified: Timestamp;
}

export interface DatasetGroupTable {
  dataset_id: string;
  group_id: string;
}

export interface ResourceTable {
  id: Generated<string>;
  dataset_id: string;
  position: number;
  name: Generated<string>;
  description: Generated<string>;
  url: Generated<string>;
  /** upload, datastore, or null for a link. */
  url_type: Nullable<string>;
  format: Generated<string>;
  mimetype: Nullable<string>;
  size: Nullable<number>;
  hash: Generated<string>;
  datastore_table_id: Nullable<string>;
  state: Generated<string>;
  extras: JSONColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>;
  created: Timestamp;
  modified: Timestamp;
}

export interface DatasetVersionTable {
  id: Generated<string>;
  dataset_id: string;
  version: number;
  /** Datastore table id (stable across versions of one dataset). */
  table_id: string;
  row_count: number;
  columns: JSONColumnType<ColumnInfoRow[], ColumnInfoRow[], ColumnInfoRow[]>;
  /** upload, harvest, api, demo. */
  source: string;
  note: Generated<string>;
  resource_id: Nullable<string>;
  /** What the version's data covers (SDI cakupan fields), as publishing read it; null before 0017. */
  coverage: JSONColumnType<SdiCoverage | null, SdiCoverage | null | undefined, SdiCoverage | null>;
  created: Timestamp;
}

export interface ColumnInfoRow {
  name: string;
  type: string;
  /** Shown name (import: the file's header). */
  title?: string;
  /** Part of the table's primary key (datastore_create), used by datastore_upsert. */
  primary_key?: boolean;
  /** CKAN's field `info` (label, notes, …), as datastore_create was given it. */
  info?: Record<string, unknown>;
}

export interface SettingTable {
  key: string;
  value: JSONColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor: Nullable<string>;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: JSONColumnType<
    Record<string, unknown>,
    Record<string, unknown> | undefined,
    Record<string, unknown>
  >;
}

/** A timestamp column that may be null and may be left out of an insert. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AppUserTable {
  id: Generated<string>;
  /** Login name: 2–100 lowercase letters, digits, - and _. */
  name: string;
  fullname: Generated<string>;
  /** Lowercased; unique when present. */
  email: Nullable<string>;
  /** argon2id PHC string; never leaves src/auth. */
  password_hash: string;
  sysadmin: Generated<boolean>;
  /** active, deleted. */
  state: Generated<string>;
  created: Timestamp;
  last_login: NullableTimestamp;
}

export interface MembershipTable {
  user_id: string;
  organization_id: string;
  /** admin, walidata, produsen, member. */
  role: string;
  created: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created: Timestamp;
  last_used: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie value. */
  id: string;
  user_id: string;
  csrf_token: string;
  created: Timestamp;
  expires_at: Timestamp;
  last_seen: Timestamp;
}

export interface LoginAttemptTable {
  key: string;
  window_start: Timestamp;
  count: Generated<number>;
}

export interface SearchWordTable {
  word: string;
  datasets: ColumnType<number, number | undefined, number>;
}

/** Progress a job last reported. */
export interface JobProgress {
  done?: number;
  total?: number;
  note?: string;
  /** A named step of the job (an import's `reading`, `profiling`, `converting`, `publishing`). */
  phase?: string;
  /** What `done` and `total` count: `bytes`, `rows`, `datasets`. */
  unit?: string;
  /** Rows handled so far (imports). */
  rows?: number;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobTable {
  id: Generated<string>;
  kind: string;
  target: string;
  state: JobState;
  params: JSONColumnType<
    Record<string, unknown>,
    Record<string, unknown> | undefined,
    Record<string, unknown>
  >;
  result: ColumnType<unknown, unknown, unknown>;
  error: Nullable<string>;
  progress: JSONColumnType<JobProgress, JobProgress | undefined, JobProgress>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Generated<Date>;
  cancel_requested: Generated<boolean>;
  created_by: Nullable<string>;
  created: Generated<Date>;
  started: NullableTimestamp;
  finished: NullableTimestamp;
  heartbeat: NullableTimestamp;
  owner: Nullable<string>;
  /** Jobs of one lane run one after another (imports into one table). */
  lane: Nullable<string>;
}

export interface HarvestSourceTable {
  id: Generated<string>;
  name: string;
  title: Generated<string>;
  type: 'ckan' | 'dcat';
  url: string;
  organization_id: string;
  schedule: Nullable<string>;
  created: Generated<Date>;
  created_by: Nullable<string>;
}

export interface HarvestRunTable {
  id: Generated<string>;
  source_id: string;
  job_id: Nullable<string>;
  state: 'running' | 'succeeded' | 'failed';
  started: Generated<Date>;
  finished: NullableTimestamp;
  counts: JSONColumnType<Record<string, number>, Record<string, number> | undefined, Record<string, number>>;
  errors: JSONColumnType<
    { dataset: string; message: string }[],
    { dataset: string; message: string }[] | undefined,
    { dataset: string; message: string }[]
  >;
  message: Nullable<string>;
}

export interface DataPlanItemTable {
  id: Generated<string>;
  year: number;
  organization_id: string;
  title: string;
  dataset_id: Nullable<string>;
  produsen: Generated<string>;
  standard_ref: Generated<string>;
  priority: Generated<boolean>;
  frequency: 'monthly' | 'quarterly' | 'yearly';
  due_dates: JSONColumnType<string[], string[] | undefined, string[]>;
  created: Generated<Date>;
}

export type SubmissionState = 'submitted' | 'returned' | 'awaiting_pembina' | 'published';

export interface SubmissionTable {
  id: Generated<string>;
  dataset_id: string;
  plan_item_id: Nullable<string>;
  resource_id: Nullable<string>;
  table_id: string;
  staged_version: number;
  columns: JSONColumnType<ColumnInfoRow[], ColumnInfoRow[], ColumnInfoRow[]>;
  row_count: ColumnType<string | number, number, number>;
  report: JSONColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
  filename: string;
  priority: Generated<boolean>;
  state: SubmissionState;
  published_version: Nullable<number>;
  submitted_by: Nullable<string>;
  created: Generated<Date>;
  updated: Generated<Date>;
}

export interface SubmissionEventTable {
  id: Generated<string>;
  submission_id: string;
  at: Generated<Date>;
  actor: Nullable<string>;
  action: string;
  comment: Generated<string>;
}

export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: Generated<string>;
  data: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
  created: Timestamp;
  read_at: NullableTimestamp;
  email_status: ColumnType<EmailStatus, EmailStatus | undefined, EmailStatus>;
  email_attempts: Generated<number>;
  email_error: Nullable<string>;
  email_next_at: NullableTimestamp;
}

/** A due date of the Daftar Data that passed without a submission (read with `due_date::text`). */
export interface CycleOverdueTable {
  id: Generated<string>;
  plan_item_id: string;
  organization_id: string;
  due_date: ColumnType<Date | string, string, string>;
  detected_at: Timestamp;
  resolved_at: NullableTimestamp;
  resolved_by_submission: Nullable<string>;
}

export interface AgendaItemTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  kind: 'press_conference' | 'release' | 'campaign' | 'event' | 'other';
  topic: Generated<string>;
  hashtag: Generated<string>;
  audience: Generated<string>;
  location: Generated<string>;
  description: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created: Generated<Date>;
  modified: Generated<Date>;
  created_by: Nullable<string>;
}

export interface MediaSourceTable {
  id: Generated<string>;
  name: string;
  title: Generated<string>;
  url: string;
  organization_id: string;
  schedule: Nullable<string>;
  active: Generated<boolean>;
  created: Generated<Date>;
  created_by: Nullable<string>;
}

export interface MediaFetchLogTable {
  id: Generated<string>;
  source_id: string;
  job_id: Nullable<string>;
  state: 'running' | 'succeeded' | 'failed';
  started: Generated<Date>;
  finished: Nullable<Date>;
  counts: JSONColumnType<Record<string, number>, Record<string, number> | undefined, Record<string, number>>;
  message: Nullable<string>;
}

export interface MediaAliasTable {
  id: Generated<string>;
  kind: 'organization' | 'programme';
  organization_id: Nullable<string>;
  programme: Generated<string>;
  alias: string;
  created: Generated<Date>;
}

export interface MediaItemTable {
  id: Generated<string>;
  source_id: string;
  url: string;
  title: string;
  title_key: string;
  summary: Generated<string>;
  published: Timestamp;
  /** The publication day in Asia/Jakarta, YYYY-MM-DD. */
  day: ColumnType<string, string, string>;
  fetched: Generated<Date>;
  sentiment: 'positive' | 'neutral' | 'negative';
  score: number;
  duplicates: Generated<number>;
}

export interface MediaMentionTable {
  item_id: string;
  kind: 'organization' | 'programme';
  organization_id: Nullable<string>;
  programme: Generated<string>;
  matched: string;
}

export interface MediaSpikeTable {
  id: Generated<string>;
  organization_id: string;
  day: ColumnType<string, string, string>;
  negative_count: number;
  baseline: number;
  score: number;
  detected_at: Generated<Date>;
  items: JSONColumnType<string[], string[] | undefined, string[]>;
}

/** Ruang Kendali (migration 0012): an indicator over a dataset version. */
export interface IndicatorTable {
  id: Generated<string>;
  name: string;
  title: string;
  title_en: Generated<string>;
  description: Generated<string>;
  organization_id: string;
  private: Generated<boolean>;
  dataset_id: string;
  resource_id: Nullable<string>;
  /** null: the latest published version. */
  pinned_version: Nullable<number>;
  measure: string;
  aggregation: 'sum' | 'avg' | 'min' | 'max' | 'count';
  region_column: Nullable<string>;
  region_level: Nullable<'province' | 'regency'>;
  province_column: Nullable<string>;
  period_column: Nullable<string>;
  filters: JSONColumnType<unknown[], unknown[] | undefined, unknown[]>;
  unit: Generated<string>;
  polarity: 'higher' | 'lower';
  scale: JSONColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
  trajectory: JSONColumnType<unknown[], unknown[] | undefined, unknown[]>;
  last_value: Nullable<number>;
  last_status: Nullable<string>;
  last_period: Nullable<string>;
  last_version: Nullable<number>;
  evaluated_at: NullableTimestamp;
  created_by: Nullable<string>;
  created: Generated<Date>;
  modified: Generated<Date>;
}

export interface IndicatorTargetTable {
  indicator_id: string;
  period: string;
  /** '' = the whole coverage (national). */
  region_code: Generated<string>;
  value: number;
}

export interface ProgrammeTable {
  id: Generated<string>;
  name: string;
  title: string;
  kind: 'priority' | 'psn' | 'other';
  organization_id: string;
  status: 'planned' | 'on_track' | 'at_risk' | 'delayed' | 'completed';
  description: Generated<string>;
  region_code: Nullable<string>;
  lat: Nullable<number>;
  lon: Nullable<number>;
  start_date: Nullable<string>;
  end_date: Nullable<string>;
  created_by: Nullable<string>;
  created: Generated<Date>;
  modified: Generated<Date>;
}

export interface ProgrammeMilestoneTable {
  id: Generated<string>;
  programme_id: string;
  position: number;
  title: string;
  due_date: string;
  done_date: Nullable<string>;
}

export interface ProgrammeNoteTable {
  id: Generated<string>;
  programme_id: string;
  at: Generated<Date>;
  actor: Nullable<string>;
  kind: 'bottleneck' | 'note';
  text: string;
}

export interface RkEvidenceTable {
  id: Generated<string>;
  entity_type: 'programme' | 'alert';
  entity_id: string;
  filename: string;
  media_type: string;
  bytes: number;
  path: string;
  caption: Generated<string>;
  actor: Nullable<string>;
  at: Generated<Date>;
}

export type AlertKind =
  | 'threshold'
  | 'target_missed'
  | 'stale_data'
  | 'overdue_submission'
  | 'sentiment_spike';
export type AlertTier = 'staff' | 'deputy' | 'leadership';

export interface AlertRuleTable {
  id: Generated<string>;
  name: string;
  title: Generated<string>;
  kind: AlertKind;
  organization_id: string;
  indicator_id: Nullable<string>;
  dataset_id: Nullable<string>;
  params: JSONColumnType<
    Record<string, unknown>,
    Record<string, unknown> | undefined,
    Record<string, unknown>
  >;
  deadline_days: Generated<number>;
  deputy_after_hours: Generated<number>;
  leadership_after_hours: Generated<number>;
  active: Generated<boolean>;
  created_by: Nullable<string>;
  created: Generated<Date>;
  modified: Generated<Date>;
}

export interface AlertTable {
  id: Generated<string>;
  rule_id: string;
  kind: AlertKind;
  organization_id: string;
  subject: string;
  title: string;
  detail: JSONColumnType<
    Record<string, unknown>,
    Record<string, unknown> | undefined,
    Record<string, unknown>
  >;
  state: 'open' | 'closed';
  tier: AlertTier;
  assignee: Nullable<string>;
  opened_at: Timestamp;
  deadline: Timestamp;
  tier_changed_at: Timestamp;
  closed_at: NullableTimestamp;
  close_note: Generated<string>;
}

export interface AlertEventTable {
  id: Generated<string>;
  /** Order of recording (steps of one call share their time). */
  seq: ColumnType<number, never, never>;
  alert_id: string;
  at: Timestamp;
  actor: Nullable<string>;
  action: 'opened' | 'note' | 'assigned' | 'escalated' | 'closed' | 'evidence' | 'webhook';
  note: Generated<string>;
  data: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>;
}

export interface ArticleTable {
  id: Generated<string>;
  organization_id: string;
  slug: string;
  title: string;
  lead: Generated<string>;
  /** Markdown, rendered sanitised. */
  body: Generated<string>;
  cover_url: Nullable<string>;
  cover_alt: Generated<string>;
  tags: JSONColumnType<string[], string[] | undefined, string[]>;
  hashtags: JSONColumnType<string[], string[] | undefined, string[]>;
  author: Generated<string>;
  /** Not draft and publish_at passed = public; not draft and publish_at ahead = scheduled. */
  draft: Generated<boolean>;
  publish_at: Nullable<Date>;
  created_by: Nullable<string>;
  created: Timestamp;
  modified: Timestamp;
}

export interface ArticleViewTable {
  article_id: string;
  day: ColumnType<string, string, string>;
  /** Keyed hash of address and user agent with that day's salt (deleted after the day). */
  visitor: string;
}

export interface DatasetUsageTable {
  dataset_id: string;
  day: ColumnType<string, string, string>;
  views: Generated<number>;
  downloads: Generated<number>;
}

export interface DatasetUsageVisitorTable {
  dataset_id: string;
  day: ColumnType<string, string, string>;
  /** `v:` (read) or `d:` (download) and the keyed hash of that day (deleted after the day). */
  visitor: string;
}

export interface ArticleReactionTable {
  article_id: string;
  visitor: string;
  reaction: 'senang' | 'terinspirasi' | 'bangga' | 'sedih' | 'marah';
  day: ColumnType<string, string, string>;
}

export interface ArticleShareTable {
  article_id: string;
  day: ColumnType<string, string, string>;
  channel: string;
  n: Generated<number>;
}

export interface HumasThrottleTable {
  key: string;
  window_start: Timestamp;
  n: Generated<number>;
}

export interface HumasSecretTable {
  name: string;
  secret: string;
  created: Timestamp;
}

/** Ruang Kendali boards (migration 0014): a board document; tiles as jsonb. */
export interface BoardTable {
  id: Generated<string>;
  name: string;
  title: string;
  title_en: Generated<string>;
  description: Generated<string>;
  organization_id: string;
  private: Generated<boolean>;
  province: Nullable<string>;
  tiles: JSONColumnType<unknown[], unknown[] | undefined, unknown[]>;
  /** SHA-256 (hex) of the share token; null = not shared. */
  share_token_hash: Nullable<string>;
  creator: Nullable<string>;
  created: Generated<Date>;
  modified: Generated<Date>;
}

/** Materialised values of an indicator (migration 0014): [region, period, value] rows. */
export interface IndicatorValueTable {
  indicator_id: string;
  level: 'national' | 'province' | 'regency';
  /** '' unless regencies of one province. */
  province: Generated<string>;
  version: number;
  /** Hash of the definition the values were computed with. */
  definition: string;
  vals: JSONColumnType<[string, string, number | null][], unknown, unknown>;
  computed: Generated<Date>;
}

/** Registered GeoJSON region maps (migration 0015). */
export interface RegionMapTable {
  id: Generated<string>;
  name: string;
  title: string;
  level: 'province' | 'regency';
  code_property: string;
  feature_count: number;
  geojson: string;
  etag: string;
  created: Generated<Date>;
}

export interface CatalogSchema {
  board: BoardTable;
  indicator_value: IndicatorValueTable;
  region_map: RegionMapTable;
  article: ArticleTable;
  article_view: ArticleViewTable;
  dataset_usage: DatasetUsageTable;
  dataset_usage_visitor: DatasetUsageVisitorTable;
  article_reaction: ArticleReactionTable;
  article_share: ArticleShareTable;
  humas_throttle: HumasThrottleTable;
  humas_secret: HumasSecretTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  programme: ProgrammeTable;
  programme_milestone: ProgrammeMilestoneTable;
  programme_note: ProgrammeNoteTable;
  rk_evidence: RkEvidenceTable;
  alert_rule: AlertRuleTable;
  alert: AlertTable;
  alert_event: AlertEventTable;
  agenda_item: AgendaItemTable;
  media_source: MediaSourceTable;
  media_fetch_log: MediaFetchLogTable;
  media_alias: MediaAliasTable;
  media_item: MediaItemTable;
  media_mention: MediaMentionTable;
  media_spike: MediaSpikeTable;
  notification: NotificationTable;
  cycle_overdue: CycleOverdueTable;
  data_plan_item: DataPlanItemTable;
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  job: JobTable;
  harvest_source: HarvestSourceTable;
  harvest_run: HarvestRunTable;
  search_word: SearchWordTable;
  region: RegionTable;
  organization: OrganizationTable;
  dataset: DatasetTable;
  dataset_version: DatasetVersionTable;
  group: GroupTable;
  dataset_group: DatasetGroupTable;
  resource: ResourceTable;
  setting: SettingTable;
  audit_log: AuditLogTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  api_token: ApiTokenTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
}
