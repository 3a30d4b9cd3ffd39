import type { Coverage } from '../coverage.js';
/** The shapes of an import: fields with their inferred types, the validation report, options. */
import type { NumberStyle } from '../normalise/index.js';

/** Table Schema (Frictionless) field types Kendali stores; `period` is Kendali's (`2020-Q1`, `2021-S2`). */
export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'year'
  | 'yearmonth'
  | 'period';

export interface FieldConstraints {
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly enum?: readonly (string | number)[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** One output column. */
export interface FieldPlan {
  /** Column name in the table: lowercase letters, digits, `_`. */
  readonly name: string;
  /** The header as the file had it. */
  readonly title: string;
  /** Index of the column in the detected table's rows. */
  readonly source: number;
  readonly type: FieldType;
  readonly numberStyle?: NumberStyle;
  readonly dateOrder?: 'dmy' | 'mdy';
  /** Strip Excel's `.0` from codes stored as floats (`3201.0` → `3201`). */
  readonly floatDamage?: boolean;
  readonly constraints?: FieldConstraints;
  /** Why this type, in words (shown in the type report). */
  readonly reason: string;
}

export type IssueCode =
  | 'type-error'
  | 'constraint-error'
  | 'unique-error'
  | 'primary-key-error'
  | 'foreign-key-error'
  | 'extra-cell'
  | 'missing-cell'
  | 'region-ambiguous'
  | 'region-unresolved';

export interface Issue {
  readonly code: IssueCode;
  /** 1-based data row (the n-th row of the table). */
  readonly row: number;
  /** Line (or sheet row) in the source file. */
  readonly line: number;
  readonly field?: string;
  /** 1-based column number in the table. */
  readonly column?: number;
  readonly value?: string;
  /** `region-ambiguous`: the regions the value may mean, to choose from (`region_choices`). */
  readonly candidates?: readonly { readonly code: string; readonly name: string; readonly level: string }[];
  readonly message: string;
}

export interface TypeReport {
  readonly field: string;
  readonly title: string;
  readonly type: FieldType;
  readonly reason: string;
  /** Non-missing values, and how many did not fit the chosen type. */
  readonly values: number;
  readonly misfits: number;
  readonly examples: readonly { readonly row: number; readonly value: string }[];
}

export interface ValidationReport {
  readonly valid: boolean;
  readonly rows: number;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Issue code → how many. */
  readonly counts: Partial<Record<IssueCode, number>>;
  /** The first issues of each code (at most `EXAMPLES_PER_CODE` each), in row order. */
  readonly issues: readonly Issue[];
  readonly types: readonly TypeReport[];
  readonly notes: readonly string[];
  /** What the table covers, read from its data (coverage.ts): filled into a dataset that lacks it. */
  readonly coverage?: Coverage;
}

export const WARNING_CODES: ReadonlySet<IssueCode> = new Set(['region-ambiguous', 'region-unresolved']);
export const EXAMPLES_PER_CODE = 50;
