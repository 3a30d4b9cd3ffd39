/**
 * Table Schema (Frictionless) in and out: a schema given with an import sets field types,
 * formats, constraints, missing values and the primary key; every import can export the
 * schema it used, so the next upload of the same table can be checked against it.
 */
import type { FieldConstraints, FieldPlan, FieldType } from './types.js';

export interface TableSchemaField {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string;
  readonly format?: string;
  readonly constraints?: FieldConstraints;
}

export interface TableSchema {
  readonly fields: readonly TableSchemaField[];
  readonly primaryKey?: string | readonly string[];
  readonly missingValues?: readonly string[];
  readonly foreignKeys?: readonly unknown[];
}

const TYPES: Readonly<Record<string, FieldType>> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  year: 'year',
  yearmonth: 'yearmonth',
  any: 'string',
};

/** Fields of the file matched to the schema's by name, then title; schema types and constraints win. */
export function applySchema(fields: FieldPlan[], schema: TableSchema, notes: string[]): FieldPlan[] {
  const used = new Set<string>();
  const out = fields.map((f) => {
    const s = schema.fields.find(
      (x) => !used.has(x.name) && (x.name === f.name || x.name === f.title || x.title === f.title),
    );
    if (!s) return f;
    used.add(s.name);
    const type = s.type ? TYPES[s.type] : undefined;
    if (s.type && !type) notes.push(`skema: tipe "${s.type}" untuk ${s.name} disimpan sebagai teks`);
    return {
      ...f,
      ...(type ? { type, reason: `menurut skema: ${s.type}` } : {}),
      ...(s.constraints ? { constraints: s.constraints } : {}),
    };
  });
  const missing = schema.fields.filter((s) => !used.has(s.name)).map((s) => s.name);
  if (missing.length) notes.push(`skema: kolom tidak ada di berkas: ${missing.join(', ')}`);
  return out;
}

const OUT_TYPE: Readonly<Record<FieldType, { type: string; format?: string }>> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'date' },
  year: { type: 'year' },
  yearmonth: { type: 'yearmonth' },
  period: { type: 'string', format: 'period' },
};

/** The Table Schema of an import's fields (and its region code columns). */
export function exportSchema(
  fields: readonly FieldPlan[],
  extra: readonly { name: string; title: string }[] = [],
  given?: TableSchema,
): TableSchema {
  return {
    ...(given?.primaryKey ? { primaryKey: given.primaryKey } : {}),
    ...(given?.foreignKeys ? { foreignKeys: given.foreignKeys } : {}),
    fields: [
      ...fields.map((f) => ({
        name: f.name,
        title: f.title,
        ...OUT_TYPE[f.type],
        ...(f.constraints ? { constraints: f.constraints } : {}),
      })),
      ...extra.map((e) => ({ name: e.name, title: e.title, type: 'string' })),
    ],
    missingValues: given?.missingValues ?? ['', '-', '–', '...', '…', 'NA', 'n.a.'],
  };
}

const STORED_TYPE: Readonly<Record<string, string>> = {
  text: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
};

/** The Table Schema of a stored table: its columns with their types and titles, and its primary key. */
export function storedSchema(
  columns: readonly { name: string; type: string; title?: string; primary_key?: boolean }[],
): TableSchema {
  const key = columns.filter((c) => c.primary_key === true).map((c) => c.name);
  return {
    fields: columns.map((c) => ({
      name: c.name,
      ...(c.title ? { title: c.title } : {}),
      type: STORED_TYPE[c.type] ?? 'string',
    })),
    ...(key.length ? { primaryKey: key } : {}),
  };
}

/** A Table Schema's field names and titles: a first row made of them is the header. */
export const schemaNames = (schema: TableSchema | undefined): string[] =>
  schema ? schema.fields.flatMap((f) => [f.name, ...(f.title ? [f.title] : [])]) : [];
