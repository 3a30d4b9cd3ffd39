/** Reading JSON of unknown shape (remote answers, local action results) without `any`. */

export type Obj = Record<string, unknown>;

export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A string field; numbers are written out, anything else is ''. */
export function text(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** A list field's objects (non-objects left out); [] when absent. */
export function objects(o: Obj, key: string): Obj[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** CKAN's extras list `[{key, value}]` as a map (values written out as text). */
export function extrasOf(o: Obj): Map<string, string> {
  return new Map(objects(o, 'extras').map((e) => [text(e, 'key'), text(e, 'value')]));
}
