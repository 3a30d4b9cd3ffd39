/** Table Schema constraints on one converted cell (required, minimum/maximum, enum, pattern, length). */
import type { CellValue } from '../../datastore/backend.js';
import type { FieldConstraints } from './types.js';

const compiled = new WeakMap<FieldConstraints, RegExp>();

/** The message of the first constraint the value breaks, or undefined. */
export function brokenConstraint(c: FieldConstraints | undefined, value: CellValue): string | undefined {
  if (!c) return undefined;
  if (value === null) return c.required ? 'wajib diisi (required)' : undefined;
  if (c.minimum !== undefined && value < c.minimum) return `kurang dari minimum ${c.minimum}`;
  if (c.maximum !== undefined && value > c.maximum) return `lebih dari maksimum ${c.maximum}`;
  if (c.enum && !c.enum.some((e) => String(e) === String(value)))
    return `bukan salah satu dari ${c.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (c.minLength !== undefined && value.length < c.minLength)
      return `lebih pendek dari ${c.minLength} karakter`;
    if (c.maxLength !== undefined && value.length > c.maxLength)
      return `lebih panjang dari ${c.maxLength} karakter`;
    if (c.pattern) {
      let re = compiled.get(c);
      if (!re) {
        re = new RegExp(`^(?:${c.pattern})$`, 'u');
        compiled.set(c, re);
      }
      if (!re.test(value)) return `tidak cocok dengan pola ${c.pattern}`;
    }
  }
  return undefined;
}
