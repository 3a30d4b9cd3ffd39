/**
 * Choosing a CSV delimiter from the first records: for each candidate, count it outside quotes
 * in every record (a quoted field may hold the others, and newlines); the candidate found the
 * same non-zero number of times in the most records wins, then the one found more often per
 * record, then the order `,` `;` tab `|`.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface DelimiterChoice {
  readonly delimiter: string;
  readonly reason: string;
}

const MAX_RECORDS = 50;

export function detectDelimiter(text: string): DelimiterChoice {
  const counts = recordCounts(text);
  let best: { delimiter: string; agree: number; per: number } | undefined;
  for (const [k, delimiter] of DELIMITERS.entries()) {
    const perRecord = counts.map((c) => c[k]!);
    const mode = modeOf(perRecord);
    if (mode === 0) continue;
    const agree = perRecord.filter((n) => n === mode).length;
    if (best === undefined || agree > best.agree || (agree === best.agree && mode > best.per)) {
      best = { delimiter, agree, per: mode };
    }
  }
  if (best === undefined)
    return { delimiter: ',', reason: 'tidak ada pemisah di rekaman-rekaman pertama; satu kolom' };
  const name = best.delimiter === '\t' ? 'tab' : `"${best.delimiter}"`;
  return {
    delimiter: best.delimiter,
    reason: `${name} muncul ${best.per} kali di ${best.agree} dari ${counts.length} rekaman pertama`,
  };
}

/** Per record (not line: quotes may hold newlines), how often each candidate appears outside quotes. */
function recordCounts(text: string): number[][] {
  const records: number[][] = [];
  let current = DELIMITERS.map(() => 0);
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && records.length < MAX_RECORDS; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      quoted = !quoted;
      empty = false;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (!empty) records.push(current);
      current = DELIMITERS.map(() => 0);
      empty = true;
    } else if (!quoted) {
      const k = DELIMITERS.indexOf(ch as (typeof DELIMITERS)[number]);
      if (k !== -1) current[k]!++;
      empty = false;
    }
  }
  // The last record may be cut by the end of the prefix: only used when it is the only one.
  if (!empty && records.length === 0) records.push(current);
  return records;
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>();
  let mode = 0;
  let best = 0;
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1;
    freq.set(v, f);
    if (v > 0 && (f > best || (f === best && v > mode))) {
      best = f;
      mode = v;
    }
  }
  return mode;
}
