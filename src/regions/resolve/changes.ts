/**
 * Former names and codes of regions, from a table an operator passes in (the product ships none), in
 * the format `level,code,name_2022,name_2025,change,successor_code` with `change` one of `added`,
 * `removed`, `renamed`.
 */
import { parse } from 'csv-parse/sync';
import { badRequest } from '../../core/errors.js';
import { parseName } from './normalize.js';
import type { RegionLevel } from './types.js';

export interface RegionChange {
  readonly level: Exclude<RegionLevel, 'country'>;
  readonly code: string;
  readonly oldName?: string;
  readonly newName?: string;
  readonly change: 'added' | 'removed' | 'renamed';
  readonly successor?: string;
}

export interface FormerName {
  /** The current code the former name leads to. */
  readonly code: string;
  readonly former: string;
}

const LEVELS = new Set(['province', 'regency', 'district', 'village']);
const CHANGES = new Set(['added', 'removed', 'renamed']);

export class RegionChanges {
  private readonly successors = new Map<string, string>();
  private readonly removedCodes = new Set<string>();
  private readonly names = new Map<string, FormerName[]>();

  constructor(changes: readonly RegionChange[]) {
    for (const c of changes) {
      if (c.change === 'removed') {
        this.removedCodes.add(c.code);
        if (c.successor) this.successors.set(c.code, c.successor);
      }
      const target = c.change === 'renamed' ? c.code : c.change === 'removed' ? c.successor : undefined;
      if (target && c.oldName) {
        const parsed = parseName(c.oldName);
        const keys = new Set([parsed.full, parsed.core]);
        for (const key of keys) this.addName(c.level, key, { code: target, former: c.oldName });
      }
    }
  }

  static fromCsv(text: string): RegionChanges {
    const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[];
    return new RegionChanges(
      rows.map((r, i) => {
        if (!LEVELS.has(r.level ?? '') || !CHANGES.has(r.change ?? '') || !r.code) {
          throw badRequest(`region changes, row ${i + 2}: expected level, code and change`);
        }
        return {
          level: r.level as RegionChange['level'],
          code: r.code,
          change: r.change as RegionChange['change'],
          ...(r.name_2022 && { oldName: r.name_2022 }),
          ...(r.name_2025 && { newName: r.name_2025 }),
          ...(r.successor_code && { successor: r.successor_code }),
        };
      }),
    );
  }

  /** The current code for a removed one, following chains (`92.01` → `96.01`). */
  successor(code: string): string | undefined {
    let current = this.successors.get(code);
    for (let hops = 0; current !== undefined && hops < 8; hops++) {
      const next = this.successors.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /** True when the code was removed (with or without a successor). */
  wasRemoved(code: string): boolean {
    return this.removedCodes.has(code);
  }

  /** Current codes a former name (as a normalised key) leads to at a level. */
  formerNames(level: RegionLevel, key: string): readonly FormerName[] {
    return this.names.get(`${level}:${key}`) ?? [];
  }

  private addName(level: RegionLevel, key: string, name: FormerName): void {
    const id = `${level}:${key}`;
    const list = this.names.get(id);
    if (!list) this.names.set(id, [name]);
    else if (!list.some((n) => n.code === name.code)) list.push(name);
  }
}
