/**
 * Every setting Kendali reads, declared once: environment variable, type, default and a
 * one-line doc. `loadConfig` parses them at start and fails fast on a bad value;
 * `kendali config` (and docs/configuration.md) print this table.
 */

export type SettingType = 'string' | 'port' | 'url' | 'boolean' | 'enum' | 'path' | 'integer' | 'hosts';

export interface Setting {
  readonly env: string;
  readonly key: keyof ConfigValues;
  readonly type: SettingType;
  readonly default: string | undefined;
  readonly doc: string;
  readonly values?: readonly string[];
  /** Secrets are never printed. */
  readonly secret?: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ConfigValues {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  logLevel: LogLevel;
  demo: boolean;
  siteTitle: string;
  locale: 'id' | 'en';
  adminPassword: string | undefined;
  maxUploadMb: number;
  crosswalkDir: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  alertWebhookUrl: string | undefined;
  outboundAllow: string | undefined;
}

export const SETTINGS: readonly Setting[] = [
  { env: 'PORT', key: 'port', type: 'port', default: '8080', doc: 'TCP port the server listens on.' },
  {
    env: 'HOST',
    key: 'host',
    type: 'string',
    default: '0.0.0.0',
    doc: 'Address the server binds to (0.0.0.0 = every interface).',
  },
  {
    env: 'KENDALI_DATA_DIR',
    key: 'dataDir',
    type: 'path',
    default: './data',
    doc: 'Directory holding the embedded catalog (PGlite) and the datastore Parquet files.',
  },
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    type: 'url',
    default: undefined,
    doc: 'PostgreSQL URL for the catalog (server mode); absent = embedded PGlite in the data directory.',
    secret: true,
  },
  {
    env: 'KENDALI_BASE_URL',
    key: 'baseUrl',
    type: 'url',
    default: undefined,
    doc: 'Public URL of this site, used in links, feeds and DCAT; default http://localhost:PORT.',
  },
  {
    env: 'LOG_LEVEL',
    key: 'logLevel',
    type: 'enum',
    values: LOG_LEVELS,
    default: 'info',
    doc: 'Log level: fatal, error, warn, info, debug, trace or silent.',
  },
  {
    env: 'KENDALI_DEMO',
    key: 'demo',
    type: 'boolean',
    default: '1',
    doc: 'Seed the synthetic demo data on first start (0 = start empty).',
  },
  {
    env: 'KENDALI_SITE_TITLE',
    key: 'siteTitle',
    type: 'string',
    default: 'Kendali — Satu Data',
    doc: 'Site title shown in the UI and in status_show.',
  },
  {
    env: 'KENDALI_MAX_UPLOAD_MB',
    key: 'maxUploadMb',
    type: 'integer',
    default: '2048',
    doc: 'Largest file accepted by an upload, in MB (files are streamed to disk, not held in memory).',
  },
  {
    env: 'KENDALI_LOCALE',
    key: 'locale',
    type: 'enum',
    values: ['id', 'en'],
    default: 'id',
    doc: 'Default language of the UI and of messages (id = Bahasa Indonesia, en = English).',
  },
  {
    env: 'KENDALI_ADMIN_PASSWORD',
    key: 'adminPassword',
    type: 'string',
    default: undefined,
    doc: 'Password of the sysadmin `admin` created on first start (8+ characters); absent = a generated one is printed once.',
    secret: true,
  },
  {
    env: 'KENDALI_CROSSWALK_DIR',
    key: 'crosswalkDir',
    type: 'path',
    default: undefined,
    doc: 'Directory of BPS–Kemendagri bridging tables (bps_kemendagri_regencies.csv, _districts.csv, _villages.csv) used to convert BPS codes in imported files and to add BPS codes beside resolved regions; absent = province codes only.',
  },
  {
    env: 'KENDALI_SMTP_URL',
    key: 'smtpUrl',
    type: 'url',
    default: undefined,
    doc: 'SMTP server for notification e-mails (smtp://user:pass@host:587 or smtps://…); absent = notifications only in the app.',
    secret: true,
  },
  {
    env: 'KENDALI_MAIL_FROM',
    key: 'mailFrom',
    type: 'string',
    default: 'Kendali <kendali@localhost>',
    doc: 'Sender address of notification e-mails.',
  },
  {
    env: 'KENDALI_ALERT_WEBHOOK_URL',
    key: 'alertWebhookUrl',
    type: 'url',
    default: undefined,
    doc: 'Ruang Kendali alerts: URL that receives a JSON POST for every alert opened, escalated or closed (5 s timeout, 3 attempts); absent = alerts only in the app.',
    secret: true,
  },
  {
    env: 'KENDALI_OUTBOUND_ALLOW',
    key: 'outboundAllow',
    type: 'hosts',
    default: undefined,
    doc: 'Harvests, the resources they download and media feeds reach only public addresses; this list (host names, addresses, networks in CIDR form, comma-separated: `portal.intranet.go.id, 10.20.0.0/16`) may be reached too. Absent = public addresses only (no loopback, private, link-local or metadata addresses).',
  },
];
