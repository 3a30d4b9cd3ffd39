/** Deciding a column's number convention from all its cells. */

import { isMissing, type MissingMarkers, missingMarkers } from './missing.js';
import { type NumberStyle, readDigits, splitNumber } from './number-read.js';
import { trimText } from './text.js';

export interface NumberStyleEvidence {
  /** Cells valid only the Indonesian way (`1.234.567`, `12,5`, `1.234,5`). */
  id: number;
  /** Cells valid only the English way (`2,686,458`, `1,234.5`, `451.3`, `7.46`). */
  en: number;
  /** Cells valid both ways with different values (`1.234`, `12,500`). */
  ambiguous: number;
  /** Cells read the same either way (`2019`, `1 234`). */
  neutral: number;
  /** Cells that are not numbers at all; missing markers are not counted. */
  invalid: number;
}

export interface NumberStyleInference {
  /** The style to parse the column with: the decided one, or the default when undecided. */
  style: NumberStyle;
  /**
   * `decided`: evidence for one style only. `conflict`: evidence for both (style is the majority).
   * `ambiguous`: only cells such as `1.234` (style is the default; ask a person).
   * `no_evidence`: nothing tells them apart (integers only); any style reads the column the same.
   */
  status: 'decided' | 'conflict' | 'ambiguous' | 'no_evidence';
  evidence: NumberStyleEvidence;
}

export interface InferNumberStyleOptions {
  /** Used when the evidence does not decide. Default `id`, the Indonesian convention. */
  defaultStyle?: NumberStyle;
  missingValues?: readonly string[] | MissingMarkers;
}

/** Counts a column's number-style evidence one cell at a time (for a single pass over a large file). */
export class NumberStyleCounter {
  readonly evidence: NumberStyleEvidence = { id: 0, en: 0, ambiguous: 0, neutral: 0, invalid: 0 };
  readonly #markers: MissingMarkers;

  constructor(missingValues?: readonly string[] | MissingMarkers) {
    this.#markers = missingMarkers(missingValues);
  }

  /** Counts `raw` as `times` cells (a class of cells that read alike). */
  add(raw: string, times = 1): void {
    const evidence = this.evidence;
    const cell = trimText(raw);
    if (isMissing(cell, this.#markers)) return;
    const parts = splitNumber(cell);
    if (parts === undefined) {
      evidence.invalid += times;
      return;
    }
    if (parts.scientific !== undefined) {
      evidence.neutral += times;
      return;
    }
    const id = readDigits(parts.digits, 'id');
    const en = readDigits(parts.digits, 'en');
    if (Number.isNaN(id)) {
      if (Number.isNaN(en)) evidence.invalid += times;
      else evidence.en += times;
    } else if (Number.isNaN(en)) evidence.id += times;
    else if (id === en) evidence.neutral += times;
    else if (parts.currency) evidence.id += times;
    else evidence.ambiguous += times;
  }

  result(defaultStyle: NumberStyle = 'id'): NumberStyleInference {
    const evidence = { ...this.evidence };
    if (evidence.id > 0 && evidence.en > 0) {
      const style = evidence.id === evidence.en ? defaultStyle : evidence.id > evidence.en ? 'id' : 'en';
      return { style, status: 'conflict', evidence };
    }
    if (evidence.id > 0) return { style: 'id', status: 'decided', evidence };
    if (evidence.en > 0) return { style: 'en', status: 'decided', evidence };
    const status = evidence.ambiguous > 0 ? 'ambiguous' : 'no_evidence';
    return { style: defaultStyle, status, evidence };
  }
}

/**
 * Decides `id` or `en` from a column's cells. One unambiguous cell decides (`1.234.567` or `12,5`
 * → id; `2,686,458`, `1,234.5` or `451.3` → en); a rupiah amount such as `Rp 1.250` counts for id.
 */
export function inferNumberStyle(
  samples: Iterable<string>,
  options: InferNumberStyleOptions = {},
): NumberStyleInference {
  const counter = new NumberStyleCounter(options.missingValues);
  for (const raw of samples) counter.add(raw);
  return counter.result(options.defaultStyle ?? 'id');
}
