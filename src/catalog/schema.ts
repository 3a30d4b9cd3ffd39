/** Row types of the catalog tables, as Kysely sees them. Migrations in ./migrations define them. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

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
  created: Generated<Timestamp>;
  modified: Generated<Timestamp>;
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
  created: Generated<Timestamp>;
  modified: Generated<Timestamp>;
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
  created: Generated<Timestamp>;
}

export interface ColumnInfoRow {
  name: string;
  type: string;
}

export interface SettingTable {
  key: string;
  value: JSONColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Timestamp>;
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

export interface CatalogSchema {
  region: RegionTable;
  organization: OrganizationTable;
  dataset: DatasetTable;
  dataset_version: DatasetVersionTable;
  setting: SettingTable;
  audit_log: AuditLogTable;
}
