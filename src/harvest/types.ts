/** The harvest's public shapes: what a caller gives `runHarvest` and what it gets back. */

export interface HarvestSourceSpec {
  /** Local id of the harvest source (uuid); stamped on every dataset it brings in. */
  readonly id: string;
  /** Slug of the source, e.g. `jabar`; prefixes a local name when the remote one is taken. */
  readonly name: string;
  /** `ckan`: a CKAN-compatible Action API (`runHarvest`); `dcat`: a DCAT catalog document (`runDcatHarvest`). */
  readonly type: 'ckan' | 'dcat';
  /**
   * `ckan`: base URL of the remote portal, e.g. `http://127.0.0.1:8081` (a path prefix is kept);
   * `dcat`: the catalog document's URL, e.g. `http://127.0.0.1:8081/catalog.ttl`.
   */
  readonly url: string;
  /** Local organization (name or id) the datasets go into. */
  readonly org: string;
}

export interface HarvestCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
}

export interface HarvestError {
  /** Local (or remote) dataset name; empty for errors of the whole run (listing, deletion skipped). */
  readonly dataset: string;
  readonly message: string;
}

export interface HarvestResult {
  readonly counts: HarvestCounts;
  readonly errors: HarvestError[];
  /** Distinct remote datasets seen in the listing. */
  readonly seen: number;
}

export interface HarvestLimits {
  /** Per HTTP request: the whole answer of an API call; for file downloads, the wait for the next bytes. */
  requestTimeoutMs: number;
  /** Listing pages read at most (package_search pages, or a DCAT catalog's Hydra pages); a listing cut here counts as incomplete. */
  maxPages: number;
  /** Rows per package_search page (a DCAT catalog pages itself). */
  pageSize: number;
  /** Larger resources are not downloaded: an error against their dataset. */
  maxResourceBytes: number;
  /** Largest API answer (or DCAT catalog page) read. */
  maxJsonBytes: number;
}

export const DEFAULT_LIMITS: HarvestLimits = {
  requestTimeoutMs: 30_000,
  maxPages: 10_000,
  pageSize: 100,
  maxResourceBytes: 200 * 1024 * 1024,
  maxJsonBytes: 20 * 1024 * 1024,
};

export interface HarvestDeps {
  /** Calls a local action as the sysadmin (throws KendaliError on failure). */
  call(action: string, input: Record<string, unknown>): Promise<unknown>;
  /** Stores a downloaded file as an upload and returns its upload id. */
  upload(path: string, filename: string): Promise<string>;
  /** Removes an upload once imported (or refused); optional, uploads are otherwise left to the caller. */
  discardUpload?(uploadId: string): Promise<void>;
  /** A directory for temporary downloads (created if missing; files removed after use). */
  readonly workDir: string;
  readonly signal?: AbortSignal;
  /** Progress: datasets processed so far, total if known, and a short note. */
  progress?(done: number, total: number | undefined, note: string): void;
  readonly limits?: Partial<HarvestLimits>;
}
