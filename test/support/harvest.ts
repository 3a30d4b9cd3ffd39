/** Harvest tests: calling actions as the system, and the deps `runHarvest` takes, on real services. */
import { join } from 'node:path';
import type { HarvestDeps, HarvestLimits } from '../../src/harvest/types.js';
import { addUpload, removeUpload } from '../../src/ingest/uploads.js';
import { systemCtx } from './accounts.js';
import type { TestServices } from './services.js';

/** A dataset as package_show gives it, with the parts harvest tests look at. */
export interface HarvestedDict {
  id: string;
  name: string;
  title: string;
  notes: string;
  state: string;
  private: boolean;
  owner_org: string;
  url: string;
  license_id: string;
  author_email: string;
  maintainer: string;
  maintainer_email: string;
  metadata_modified: string;
  tags: { name: string }[];
  extras: { key: string; value: string }[];
  resources: { id: string; name: string; url: string; format: string; datastore_active: boolean }[];
}

export function harvestHarness(t: () => TestServices, defaults: Partial<HarvestLimits> = {}) {
  const call = <T>(name: string, input: Record<string, unknown>): Promise<T> =>
    t().registry.call(name, systemCtx(t()), input) as Promise<T>;
  const deps = (
    limits: Partial<HarvestLimits> = {},
    notes: string[] = [],
    signal?: AbortSignal,
  ): HarvestDeps => {
    const dataDir = t().services.config.dataDir;
    return {
      call: (action, input) => call(action, input),
      upload: async (path) => (await addUpload(dataDir, path, null)).id,
      discardUpload: (id) => removeUpload(dataDir, id),
      workDir: join(dataDir, 'tmp', 'harvest'),
      progress: (done, total, note) => notes.push(`${done}/${total ?? '?'} ${note}`),
      limits: { ...defaults, ...limits },
      ...(signal ? { signal } : {}),
    };
  };
  return { call, deps, show: (id: string) => call<HarvestedDict>('package_show', { id }) };
}
