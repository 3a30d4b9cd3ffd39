/** Display names for Kemendagri region names, which the reference data keeps in capitals. */

const KEEP_UPPER = new Set(['DKI', 'DI', 'II', 'III']);

/** `KABUPATEN ACEH SELATAN` → `Kabupaten Aceh Selatan`; `DKI JAKARTA` → `DKI Jakarta`. */
export function displayName(upper: string): string {
  return upper
    .trim()
    .split(/\s+/)
    .map((w) =>
      KEEP_UPPER.has(w)
        ? w
        : w
            .toLowerCase()
            .split(/([-'])/)
            .map((p) => (p.length > 0 ? p[0]!.toUpperCase() + p.slice(1) : p))
            .join(''),
    )
    .join(' ');
}

/** Kemendagri regency codes `NN.71`–`NN.99` are cities (kota); `NN.01`–`NN.69` regencies (kabupaten). */
export const regencyKind = (code: string): 'kota' | 'kabupaten' =>
  Number(code.slice(3, 5)) >= 71 ? 'kota' : 'kabupaten';
