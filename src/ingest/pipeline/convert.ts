/** Converting one raw cell to its field's type: a value, null for missing, or why it does not fit. */
import type { CellValue } from '../../datastore/backend.js';
import {
  formatPeriod,
  isMissing,
  type MissingMarkers,
  parseNumber,
  parsePeriod,
  trimText,
} from '../normalise/index.js';
import type { FieldPlan } from './types.js';

export type Converted =
  | { readonly ok: true; readonly value: CellValue }
  | { readonly ok: false; readonly message: string };

const TRUE = /^(ya|y|true|benar|yes|t)$/i;
const FALSE = /^(tidak|n|false|salah|no)$/i;
const NULL: Converted = { ok: true, value: null };

const fail = (message: string): Converted => ({ ok: false, message });

export function convertCell(field: FieldPlan, raw: string | null, markers: MissingMarkers): Converted {
  const cell = raw === null ? '' : trimText(raw);
  if (cell === '' || isMissing(cell, markers)) return NULL;
  switch (field.type) {
    case 'string':
      return { ok: true, value: field.floatDamage ? cell.replace(/\.0+$/, '') : cell };
    case 'integer':
    case 'number': {
      const n = parseNumber(cell, field.numberStyle, { missingValues: markers });
      if (!n.ok) {
        const style = field.numberStyle === 'en' ? 'format 1,234.5' : 'format 1.234,5';
        return fail(`"${cell}" bukan bilangan (${style})`);
      }
      if (field.type === 'integer' && !Number.isInteger(n.value))
        return fail(`"${cell}" bukan bilangan bulat`);
      return { ok: true, value: n.value };
    }
    case 'boolean':
      if (TRUE.test(cell)) return { ok: true, value: true };
      if (FALSE.test(cell)) return { ok: true, value: false };
      return fail(`"${cell}" bukan ya/tidak`);
    case 'date':
    case 'year':
    case 'yearmonth':
    case 'period': {
      const p = parsePeriod(cell, { dateOrder: field.dateOrder ?? 'dmy', missingValues: markers });
      if (!p.ok)
        return fail(
          p.reason === 'impossible_date'
            ? `"${cell}" bukan tanggal yang ada`
            : `"${cell}" bukan tanggal atau periode`,
        );
      const kind = p.period.kind;
      if (field.type === 'date')
        return kind === 'day' ? { ok: true, value: p.period.start } : fail(`"${cell}" bukan tanggal lengkap`);
      if (field.type === 'year')
        return kind === 'year' ? { ok: true, value: p.period.year } : fail(`"${cell}" bukan tahun`);
      if (field.type === 'yearmonth')
        return kind === 'month' ? { ok: true, value: formatPeriod(p.period) } : fail(`"${cell}" bukan bulan`);
      return { ok: true, value: formatPeriod(p.period) };
    }
  }
}

/** How a field is stored in the datastore. */
export const storageType = (field: FieldPlan): 'text' | 'integer' | 'number' | 'boolean' | 'date' =>
  field.type === 'integer' || field.type === 'year'
    ? 'integer'
    : field.type === 'number'
      ? 'number'
      : field.type === 'boolean'
        ? 'boolean'
        : field.type === 'date'
          ? 'date'
          : 'text';
