/**
 * The XLSX parts around a sheet: the workbook (sheet names, states, parts; the 1904 date
 * system), its relationships, the date styles and the shared strings. Each is streamed through
 * htmlparser2 in XML mode; tag prefixes (`x:sheet`) are ignored.
 */
import { posix } from 'node:path';
import { type Handler, Parser } from 'htmlparser2';
import { readError } from './errors.js';
import { entryChunks, type InflateLimits, type ZipEntry } from './zip.js';

export interface SheetRef {
  readonly name: string;
  readonly state: string;
  readonly part: string;
}

export interface Workbook {
  readonly sheets: SheetRef[];
  readonly date1904: boolean;
  readonly sharedStringsPart: string | undefined;
  readonly stylesPart: string | undefined;
}

export type DateKind = 'date' | 'time' | 'datetime';

export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

type Entries = ReadonlyMap<string, ZipEntry>;

/** Streams one part through an XML parser built on `handler`. */
export async function parsePart(
  path: string,
  entries: Entries,
  part: string,
  limits: InflateLimits,
  handler: Partial<Handler>,
): Promise<void> {
  const entry = entries.get(part);
  if (entry === undefined) throw readError(path, `the workbook has no ${part}`);
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(path, entry, limits))
    parser.write(decoder.decode(chunk, { stream: true }));
  parser.end(decoder.decode());
}

export async function readWorkbook(path: string, entries: Entries, limits: InflateLimits): Promise<Workbook> {
  const targets = new Map<string, { target: string; type: string }>();
  if (entries.has('xl/_rels/workbook.xml.rels')) {
    await parsePart(path, entries, 'xl/_rels/workbook.xml.rels', limits, {
      onopentag(name, a) {
        if (localName(name) === 'Relationship' && a.Id && a.Target) {
          const target = a.Target.startsWith('/')
            ? a.Target.slice(1)
            : posix.normalize(posix.join('xl', a.Target));
          targets.set(a.Id, { target, type: a.Type ?? '' });
        }
      },
    });
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await parsePart(path, entries, 'xl/workbook.xml', limits, {
    onopentag(name, a) {
      const tag = localName(name);
      if (tag === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (tag !== 'sheet') return;
      const id = Object.entries(a).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];
      const part = id === undefined ? undefined : targets.get(id)?.target;
      if (a.name !== undefined && part !== undefined)
        sheets.push({ name: a.name, state: a.state ?? 'visible', part });
    },
  });
  const byType = (suffix: string, fallback: string): string | undefined =>
    [...targets.values()].find((t) => t.type.endsWith(suffix))?.target ??
    (entries.has(fallback) ? fallback : undefined);
  return {
    sheets,
    date1904,
    sharedStringsPart: byType('/sharedStrings', 'xl/sharedStrings.xml'),
    stylesPart: byType('/styles', 'xl/styles.xml'),
  };
}

/** For each cell style (`s` attribute) that formats a date or a time, which kind. */
export async function readDateStyles(
  path: string,
  entries: Entries,
  part: string | undefined,
  limits: InflateLimits,
): Promise<Map<number, DateKind>> {
  const styles = new Map<number, DateKind>();
  if (part === undefined || !entries.has(part)) return styles;
  const codes = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await parsePart(path, entries, part, limits, {
    onopentag(name, a) {
      const tag = localName(name);
      if (tag === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) {
        const kind = dateKind(Number(a.numFmtId ?? 0), codes);
        if (kind !== undefined) styles.set(xf, kind);
        xf++;
      }
    },
    onclosetag(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

export function dateKind(id: number, codes: ReadonlyMap<number, string>): DateKind | undefined {
  const code = codes.get(id);
  if (code === undefined) {
    if (id === 22) return 'datetime';
    return BUILT_IN_DATES.has(id) ? 'date' : BUILT_IN_TIMES.has(id) ? 'time' : undefined;
  }
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\.|_.|\*./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/AM\/PM|A\/P/gi, '');
  if (/\[(h+|m+|s+)\]/i.test(code)) return undefined; // elapsed time ([h]:mm): a duration, not a date
  const date = /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
  const time = /[hs]/i.test(bare);
  return date && time ? 'datetime' : date ? 'date' : time ? 'time' : undefined;
}

/** The shared strings, as plain text (rich-text runs joined, phonetic runs left out). */
export async function readSharedStrings(
  path: string,
  entries: Entries,
  part: string | undefined,
  limits: InflateLimits,
): Promise<string[]> {
  const strings: string[] = [];
  if (part === undefined || !entries.has(part)) return strings;
  let text = '';
  let inT = false;
  let phonetic = 0;
  await parsePart(path, entries, part, limits, {
    onopentag(name) {
      const tag = localName(name);
      if (tag === 'si') text = '';
      else if (tag === 't') inT = true;
      else if (tag === 'rPh') phonetic++;
    },
    ontext(data) {
      if (inT && phonetic === 0) text += data;
    },
    onclosetag(name) {
      const tag = localName(name);
      if (tag === 't') inT = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'si') strings.push(text);
    },
  });
  return strings;
}
