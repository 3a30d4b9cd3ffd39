/** Collects validation issues: exact counts per code, the first examples of each in row order. */
import {
  EXAMPLES_PER_CODE,
  type FieldPlan,
  type Issue,
  type IssueCode,
  type TypeReport,
  type ValidationReport,
  WARNING_CODES,
} from './types.js';

export class Issues {
  readonly counts: Partial<Record<IssueCode, number>> = {};
  readonly #examples: Issue[] = [];

  add(issue: Issue): void {
    const n = (this.counts[issue.code] ?? 0) + 1;
    this.counts[issue.code] = n;
    if (n <= EXAMPLES_PER_CODE) this.#examples.push(issue);
  }

  /** Counts `n` more issues of `code` whose examples were already given (or are not worth listing). */
  count(code: IssueCode, n: number): void {
    if (n > 0) this.counts[code] = (this.counts[code] ?? 0) + n;
  }

  get errors(): number {
    return Object.entries(this.counts).reduce(
      (s, [code, n]) => (WARNING_CODES.has(code as IssueCode) ? s : s + (n ?? 0)),
      0,
    );
  }

  get warnings(): number {
    return Object.entries(this.counts).reduce(
      (s, [code, n]) => (WARNING_CODES.has(code as IssueCode) ? s + (n ?? 0) : s),
      0,
    );
  }

  examples(): Issue[] {
    return [...this.#examples].sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  }
}

export interface Misfits {
  n: number;
  readonly examples: { row: number; value: string }[];
}

/** The validation report of an import: the issues, each field's type with its misfits, the notes. */
export function validationReport(
  issues: Issues,
  rows: number,
  fields: readonly FieldPlan[],
  values: (field: FieldPlan) => number,
  misfits: readonly Misfits[],
  notes: readonly string[],
): ValidationReport {
  const types: TypeReport[] = fields.map((f, i) => ({
    field: f.name,
    title: f.title,
    type: f.type,
    reason: f.reason,
    values: values(f),
    misfits: misfits[i]?.n ?? 0,
    examples: misfits[i]?.examples ?? [],
  }));
  return {
    valid: issues.errors === 0,
    rows,
    errorCount: issues.errors,
    warningCount: issues.warnings,
    counts: issues.counts,
    issues: issues.examples(),
    types,
    notes,
  };
}
