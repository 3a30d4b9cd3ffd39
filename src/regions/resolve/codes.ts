/**
 * Recognising codes among region values. Dotted codes are Kemendagri's; undotted ones (`3204`,
 * `3204010`, `3204010001`) are BPS-style and are never read as Kemendagri codes by removing dots.
 */

export type CodeInput =
  /** `32.04`, `32.04.01`, `32.04.01.2001`. */
  | { readonly scheme: 'kemendagri'; readonly code: string; readonly note?: string }
  /** `32`: the same digits in both schemes, except in Papua (91–97). */
  | { readonly scheme: 'province'; readonly digits: string; readonly note?: string }
  /** 4, 7 or 10 digits. */
  | { readonly scheme: 'bps'; readonly digits: string; readonly note?: string }
  /** Not a code of either scheme; `digits` when it is all digits (6-digit undotted Kemendagri districts). */
  | { readonly scheme: 'malformed'; readonly reason: string; readonly digits?: string };

const FLOAT_NOTE = 'a number stored as a float';

/** The code a value carries, or undefined when the value is not code-like (a name). */
export function parseCode(raw: string): CodeInput | undefined {
  const s = raw.trim();
  if (!/^[\d.\s]+$/.test(s) || !/\d/.test(s)) return undefined;
  if (/\s/.test(s)) return { scheme: 'malformed', reason: `"${s}" has spaces inside a code` };
  const float = /^(\d+)\.0+$/.exec(s);
  if (float && float[1]!.length !== 2) return undotted(float[1]!, FLOAT_NOTE);
  if (/^\d{2}(\.0+)?$/.test(s))
    return { scheme: 'province', digits: s.slice(0, 2), ...(float && { note: FLOAT_NOTE }) };
  if (/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/.test(s)) return { scheme: 'kemendagri', code: s };
  // A regency code that went through a float loses its trailing zero: 11.10 → 11.1.
  if (/^\d{2}\.\d$/.test(s)) return { scheme: 'kemendagri', code: `${s}0`, note: `${FLOAT_NOTE} (${s})` };
  if (/^\d+$/.test(s)) return undotted(s);
  return { scheme: 'malformed', reason: `"${s}" is not a Kemendagri (NN.NN.NN.NNNN) or BPS code` };
}

function undotted(digits: string, note?: string): CodeInput {
  if (digits.length === 2) return { scheme: 'province', digits, ...(note && { note }) };
  if (digits.length === 4 || digits.length === 7 || digits.length === 10) {
    return { scheme: 'bps', digits, ...(note && { note }) };
  }
  return {
    scheme: 'malformed',
    digits,
    reason: `"${digits}" has ${digits.length} digits: BPS codes have 2, 4, 7 or 10; Kemendagri codes are dotted`,
  };
}

/** Dots put into an undotted code as Kemendagri would write it (only when the caller says the file uses that scheme). */
export function dotted(digits: string): string | undefined {
  if (digits.length === 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  if (digits.length === 10) {
    return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  }
  return undefined;
}
