/**
 * BPS ↔ Kemendagri code crosswalk. The product ships only the province table (`provinces.ts`); the
 * regency, district and village tables are loaded from CSV files an operator provides, in the format
 * of BPS's "bridging kode" exports (`bps_code`, `bps_name`, `kemendagri_code_bridging`, and for
 * regencies `kemendagri_code_2025`).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { badRequest } from '../../core/errors.js';
import type { RegionLevel } from '../resolve/types.js';
import { PROVINCE_CROSSWALK } from './provinces.js';

export interface CrosswalkEntry {
  readonly bps: string;
  /** The Kemendagri code, with regencies renumbered since the bridging table applied to lower levels. */
  readonly kemendagri: string;
  readonly level: Exclude<RegionLevel, 'country'>;
  /** BPS's name (upper case, cut at about 25 characters). */
  readonly bpsName?: string;
  /** The code in the bridging table, when it differs from `kemendagri`. */
  readonly bridging?: string;
  /** The row states the current code itself (`kemendagri_code_2025`), not only the bridging one. */
  readonly current?: boolean;
}

export type CrosswalkLevel = 'provinces' | 'regencies' | 'districts' | 'villages';
export type CrosswalkSources = Partial<Record<CrosswalkLevel, string>>;

const LEVEL: Record<CrosswalkLevel, CrosswalkEntry['level']> = {
  provinces: 'province',
  regencies: 'regency',
  districts: 'district',
  villages: 'village',
};

const DIGITS: Record<CrosswalkLevel, number> = { provinces: 2, regencies: 4, districts: 7, villages: 10 };

export class Crosswalk {
  private readonly toK = new Map<string, CrosswalkEntry>();
  private readonly toB = new Map<string, string>();
  /** Regencies renumbered after the bridging table (the Papua split): bridging code → current code. */
  private readonly renumbered = new Map<string, string>();
  /** Rows left out because they map to no Kemendagri code. */
  skipped = 0;

  private constructor() {
    for (const { bps, kemendagri } of PROVINCE_CROSSWALK) this.add({ bps, kemendagri, level: 'province' });
  }

  /** The shipped crosswalk: provinces only. */
  static provinces(): Crosswalk {
    return new Crosswalk();
  }

  /** The province table plus the given CSV texts (each optional). */
  static fromCsv(sources: CrosswalkSources): Crosswalk {
    const cw = new Crosswalk();
    for (const level of ['provinces', 'regencies', 'districts', 'villages'] as const) {
      const text = sources[level];
      if (text !== undefined) cw.load(level, text);
    }
    return cw;
  }

  /** The province table plus the CSV files at the given paths. */
  static async fromFiles(paths: CrosswalkSources): Promise<Crosswalk> {
    const texts: CrosswalkSources = {};
    for (const [level, path] of Object.entries(paths) as [CrosswalkLevel, string][]) {
      texts[level] = await readFile(path, 'utf8');
    }
    return Crosswalk.fromCsv(texts);
  }

  /** The Kemendagri code for a BPS code (`3171` → `31.74`), if the crosswalk has it. */
  toKemendagri(bps: string): CrosswalkEntry | undefined {
    return this.toK.get(bps);
  }

  /** The BPS code for a Kemendagri code (`31.74` → `3171`, `32.04.01` → `3204010`). */
  toBps(kemendagri: string): string | undefined {
    return this.toB.get(kemendagri);
  }

  /** How many BPS codes it maps, per level. */
  counts(): Record<CrosswalkEntry['level'], number> {
    const out = { province: 0, regency: 0, district: 0, village: 0 };
    for (const e of this.toK.values()) out[e.level]++;
    return out;
  }

  private load(level: CrosswalkLevel, text: string): void {
    const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[];
    const header = Object.keys(rows[0] ?? {});
    if (
      rows.length > 0 &&
      (!header.includes('bps_code') || !header.some((h) => h.startsWith('kemendagri_code')))
    ) {
      throw badRequest(
        `crosswalk ${level}: expected columns bps_code and kemendagri_code…, got ${header.join(', ')}`,
      );
    }
    const digits = new RegExp(`^\\d{${DIGITS[level]}}$`);
    for (const row of rows) {
      const bps = row.bps_code ?? '';
      const target = row.kemendagri_code_2025 || row.kemendagri_code_bridging || row.kemendagri_code || '';
      if (!digits.test(bps) || !/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(target)) {
        this.skipped++; // e.g. BPS 9426030, whose bridging code is "-"
        continue;
      }
      const bridging = row.kemendagri_code_bridging || undefined;
      if (level === 'regencies' && bridging && bridging !== target) this.renumbered.set(bridging, target);
      const kemendagri = level === 'districts' || level === 'villages' ? this.renumber(target) : target;
      const bpsName = row.bps_name?.replace(/\s+/g, ' ') || undefined;
      this.add({
        bps,
        kemendagri,
        level: LEVEL[level],
        ...(bpsName && { bpsName }),
        ...(bridging && bridging !== kemendagri && { bridging }),
        ...(row.kemendagri_code_2025 && { current: true }),
      });
    }
  }

  private renumber(code: string): string {
    const regency = this.renumbered.get(code.slice(0, 5));
    return regency ? regency + code.slice(5) : code;
  }

  private add(entry: CrosswalkEntry): void {
    this.toK.set(entry.bps, entry);
    // A renumbered lower-level code is a guess the resolver checks by name: never map back from it.
    if (entry.bridging !== undefined && entry.level !== 'regency') return;
    if (!this.toB.has(entry.kemendagri)) this.toB.set(entry.kemendagri, entry.bps);
  }
}
