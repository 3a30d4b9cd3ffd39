/** What every part of the DCAT graph builder shares: the site context and small literal helpers. */
import type { NamedNode, Store } from 'n3';
import { utcDateTime } from './mappings.js';
import type { Subject } from './vocab.js';
import { typed, xsd } from './vocab.js';

export interface GraphContext {
  /** Public base URL of the site, without a trailing slash. */
  readonly baseUrl: string;
  readonly siteTitle: string;
  /** Language tag of the site's own texts (config locale). */
  readonly locale: string;
  /** Kemendagri region code → name, for the regions the datasets cover. */
  readonly regions: ReadonlyMap<string, string>;
}

/** A non-blank string value, trimmed; undefined otherwise. */
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Adds an xsd:dateTime literal for a CKAN timestamp, when it has one. */
export function addDateTime(store: Store, s: Subject, p: NamedNode, ckan: string | null | undefined): void {
  const v = ckan ? utcDateTime(ckan) : undefined;
  if (v) store.addQuad(s, p, typed(v, xsd('dateTime')));
}
