/**
 * The operator's crosswalk directory (KENDALI_CROSSWALK_DIR): BPS's bridging tables as CSV,
 * each level optional, loaded once per directory and kept.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { badRequest } from '../../core/errors.js';
import { Crosswalk, type CrosswalkSources } from './crosswalk.js';

export const CROSSWALK_FILES = {
  regencies: 'bps_kemendagri_regencies.csv',
  districts: 'bps_kemendagri_districts.csv',
  villages: 'bps_kemendagri_villages.csv',
} as const;

const loaded = new Map<string, Promise<Crosswalk>>();

export function loadCrosswalkDir(dir: string): Promise<Crosswalk> {
  let cw = loaded.get(dir);
  if (!cw) {
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw badRequest(`KENDALI_CROSSWALK_DIR: ${dir} is not a directory`);
    const paths: CrosswalkSources = {};
    for (const [level, file] of Object.entries(CROSSWALK_FILES) as [keyof typeof CROSSWALK_FILES, string][]) {
      if (existsSync(join(dir, file))) paths[level] = join(dir, file);
    }
    if (Object.keys(paths).length === 0)
      throw badRequest(
        `KENDALI_CROSSWALK_DIR: ${dir} holds none of ${Object.values(CROSSWALK_FILES).join(', ')}`,
      );
    cw = Crosswalk.fromFiles(paths);
    loaded.set(dir, cw);
    cw.catch(() => loaded.delete(dir));
  }
  return cw;
}
