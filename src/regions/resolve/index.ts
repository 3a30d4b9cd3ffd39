/** Region names and codes → Kemendagri codes: the resolver the ingest pipeline runs per column. */
export { COUNTRY, PROVINCE_ALIASES, SPLIT_FROM } from './aliases.js';
export { type RegionChange, RegionChanges } from './changes.js';
export { type CodeInput, parseCode } from './codes.js';
export {
  type ColumnOptions,
  type ColumnReport,
  type ColumnResolution,
  type DistinctValue,
  resolveColumn,
  resolveHierarchicalColumn,
} from './column.js';
export { getRegionIndex, referenceRecords } from './load.js';
export { cleanText, nameKey, parseName } from './normalize.js';
export { type IndexedRegion, RegionIndex } from './region-index.js';
export { RegionResolver, type ResolverSetup } from './resolver.js';
export * from './types.js';
