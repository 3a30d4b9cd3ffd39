/**
 * Error messages in the caller's language. Actions and routes raise their errors in English (the
 * language of CKAN's API, which clients and harvesters read); the HTTP layer answers a request
 * that prefers Bahasa Indonesia (the web app says so in `Accept-Language`) with the Indonesian
 * text from `MESSAGES_ID`.
 *
 * The catalog is keyed by each message's template as the source writes it, `${x}` written `{x}`
 * (`job {id} has already ended ({job.state})`); the Indonesian template names the same parts.
 * A message matches a template when its literal parts match, and each part matched is itself
 * translated when it is a message of the catalog (`Not found: {what}` with `dataset {idOrName}`).
 * `messages.test.ts` reads every template from the source, so none is left untranslated.
 */
import { MESSAGES_ID } from './messages-id.js';

export type MessageLanguage = 'id' | 'en';

interface Compiled {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly target: string;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const literally = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template as a pattern: its literal parts exact, each `{part}` any text. */
function compile(source: string, target: string): Compiled | undefined {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    pattern += literally(source.slice(last, m.index));
    pattern += '([\\s\\S]*?)';
    names.push(m[1] as string);
    last = (m.index ?? 0) + m[0].length;
  }
  pattern += literally(source.slice(last));
  // A template with no words of its own (`{why}`) would match anything.
  if (!/[A-Za-z]{2}/.test(source.replace(PLACEHOLDER, ''))) return undefined;
  return { pattern: new RegExp(`^${pattern}$`), names, target };
}

let compiled: { exact: Map<string, string>; patterns: Compiled[] } | undefined;

function catalog(): { exact: Map<string, string>; patterns: Compiled[] } {
  if (compiled) return compiled;
  const exact = new Map<string, string>();
  const patterns: Compiled[] = [];
  for (const [source, target] of Object.entries(MESSAGES_ID)) {
    // A message may read as its template (`Expected {fields, reference: …}` is literal text).
    exact.set(source, target);
    if (source.match(PLACEHOLDER)) {
      const c = compile(source, target);
      if (c) patterns.push(c);
    }
  }
  // Longer templates first: the most literal text wins.
  patterns.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  compiled = { exact, patterns };
  return compiled;
}

/** `message` in `lang`: the catalog's text for Indonesian, the message itself otherwise or when unknown. */
export function translateMessage(message: string, lang: MessageLanguage, depth = 0): string {
  if (lang === 'en' || depth > 2) return message;
  const { exact, patterns } = catalog();
  const direct = exact.get(message);
  if (direct !== undefined) return direct;
  for (const c of patterns) {
    const m = c.pattern.exec(message);
    if (!m) continue;
    const parts = new Map(
      c.names.map((name, i) => [name, translateMessage(m[i + 1] as string, lang, depth + 1)]),
    );
    return c.target.replace(PLACEHOLDER, (whole, name: string) => parts.get(name) ?? whole);
  }
  return message;
}

/**
 * Reasons joined by `separator` (region resolution adds one reason to another with `; `, a
 * field's reasons in an error line are listed with `, `), each in `lang`: from each reason, the
 * fewest parts that read together as one message of the catalog (a message may itself hold the
 * separator); a reason it has no words for stays as it is.
 */
export function translateReasons(text: string, lang: MessageLanguage, separator = '; '): string {
  if (lang === 'en') return text;
  const parts = text.split(separator);
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let taken = 1;
    let read = parts[i] as string;
    for (let j = i + 1; j <= parts.length; j++) {
      const joined = parts.slice(i, j).join(separator);
      const translated = translateMessage(joined, lang);
      if (translated !== joined) {
        taken = j - i;
        read = translated;
        break;
      }
    }
    out.push(read);
    i += taken;
  }
  return out.join(separator);
}

/**
 * The language a request prefers from `Accept-Language` (`id`, `id-ID`, `en-US;q=0.8`, …): the
 * first of Indonesian or English by quality; English when it names neither (CKAN's clients).
 */
export function requestLanguage(header: string | string[] | undefined): MessageLanguage {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: MessageLanguage; q: number } | undefined;
  for (const part of value.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang =
      tag === 'id' || tag.startsWith('id-') ? 'id' : tag === 'en' || tag.startsWith('en-') ? 'en' : undefined;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}
