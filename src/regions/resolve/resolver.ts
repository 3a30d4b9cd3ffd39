/** The resolver: one value (a name or a code, with an optional parent) → a `RegionMatch`. */
import { Crosswalk } from '../crosswalk/crosswalk.js';
import type { RegionChanges } from './changes.js';
import { parseCode } from './codes.js';
import { type CodeEnv, matchCode } from './match-code.js';
import { matchName, unresolved } from './match-name.js';
import type { RegionIndex } from './region-index.js';
import type { RegionMatch, ResolveOptions } from './types.js';

export interface ResolverSetup {
  /** A BPS–Kemendagri crosswalk; without one only the shipped province table is known. */
  readonly crosswalk?: Crosswalk;
  /** Former names and codes (e.g. Kemendagri's 2022→2025 changes). */
  readonly changes?: RegionChanges;
}

/** What a parent value came to: a code, or why it is ignored. */
interface ParentReading {
  readonly code?: string;
  readonly reason?: string;
}

const PARENT_LEVELS: ResolveOptions['levels'] = ['province', 'regency', 'district'];

export class RegionResolver {
  private readonly env: CodeEnv;
  private readonly parents = new Map<string, ParentReading>();

  constructor(
    readonly index: RegionIndex,
    setup: ResolverSetup = {},
  ) {
    this.env = {
      index,
      crosswalk: setup.crosswalk ?? Crosswalk.provinces(),
      crosswalkLoaded: setup.crosswalk !== undefined,
      ...(setup.changes && { changes: setup.changes }),
    };
  }

  /**
   * Resolves one value. `rowParent` (a code or a name) applies to this value only and takes precedence
   * over `options.parent`.
   */
  resolve(value: unknown, options: ResolveOptions = {}, rowParent?: string | null): RegionMatch {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
    if (text.trim() === '') return unresolved('empty value');
    const parent = this.parentFor(options, rowParent);
    let m = this.resolveWith(text, options, parent.code);
    if (parent.reason !== undefined) {
      m = { ...m, reason: m.reason ? `${m.reason}; ${parent.reason}` : parent.reason };
    }
    return m;
  }

  /** The code a parent value stands for (`32`, `Jawa Barat`, `3204` through the crosswalk), if it is clear. */
  parentCode(value: string, codeScheme?: ResolveOptions['codeScheme']): ParentReading {
    const id = `${codeScheme ?? ''}:${value}`;
    const known = this.parents.get(id);
    if (known) return known;
    const options: ResolveOptions = {
      levels: PARENT_LEVELS,
      labels: false,
      ...(codeScheme && { codeScheme }),
    };
    const m = this.resolveWith(value, options, undefined);
    const reading: ParentReading =
      m.status === 'resolved' && m.code !== undefined && m.level !== 'country'
        ? { code: m.code }
        : { reason: `parent "${value}" ignored: ${m.status}` };
    this.parents.set(id, reading);
    return reading;
  }

  private parentFor(options: ResolveOptions, rowParent?: string | null): ParentReading {
    const row = rowParent?.trim() ? this.parentCode(rowParent.trim(), options.codeScheme) : undefined;
    if (row?.code !== undefined) return row;
    const file = options.parent?.trim()
      ? this.parentCode(options.parent.trim(), options.codeScheme)
      : undefined;
    if (file?.code !== undefined) return row ? { code: file.code, reason: row.reason } : file;
    return row ?? file ?? {};
  }

  private resolveWith(text: string, options: ResolveOptions, parent: string | undefined): RegionMatch {
    const code = parseCode(text);
    if (code) return matchCode(this.env, code, options, parent);
    return matchName(this.env, text, options, parent);
  }
}
