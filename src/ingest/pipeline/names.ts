/** Column names for the stored table: from a file's header to `[a-z0-9_]`, unique. */

export function fieldName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' persen ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  if (base === '') return 'kolom';
  return /^[0-9]/.test(base) ? `k_${base}` : base;
}

/** Unique names for titles; a repeat gets `_2`, `_3`… */
export function fieldNames(titles: readonly string[], reserved: Iterable<string> = []): string[] {
  const used = new Set(reserved);
  return titles.map((t) => {
    const base = fieldName(t);
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  });
}
