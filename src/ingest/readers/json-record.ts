/**
 * One JSON record (an array element or an NDJSON line) read by a small parser that keeps numbers
 * as written (a 16-digit NIK must not become a double) and nested values as compact JSON text.
 */

export type Cell = string | null;
export type JsonRecord = { kind: 'object'; entries: Map<string, Cell> } | { kind: 'array'; cells: Cell[] };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
export const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** Reads one element: an object (keys → cells) or an array (cells). */
export function parseRecord(s: string): JsonRecord {
  let i = 0;
  const ws = (): void => {
    while (isSpace(s[i])) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at character ${i + 1} of the record`);
  };
  const string = (): string => {
    const start = i++;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\') i += 2;
      else if (c === '"') return JSON.parse(s.slice(start, ++i)) as string;
      else i++;
    }
    return fail('unterminated string');
  };
  const nested = (): string => {
    const start = i;
    let depth = 0;
    let out = '';
    let from = i;
    for (; i < s.length; i++) {
      const c = s[i]!;
      if (c === '"') {
        string();
        i--;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (--depth === 0) break;
      } else if (isSpace(c)) {
        out += s.slice(from, i);
        from = i + 1;
      }
    }
    if (depth !== 0) fail('unclosed object or array');
    out += s.slice(from, ++i);
    JSON.parse(s.slice(start, i)); // validates; throws SyntaxError
    return out;
  };
  const value = (): Cell => {
    ws();
    const c = s[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') return nested();
    for (const word of ['true', 'false', 'null'] as const) {
      if (s.startsWith(word, i)) {
        i += word.length;
        return word === 'null' ? null : word;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m === null) return fail('unexpected character');
    i += m[0].length;
    return m[0];
  };
  const list = (close: string, item: () => void): void => {
    i++;
    ws();
    if (s[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (s[i] === ',') i++;
      else if (s[i] === close) {
        i++;
        return;
      } else fail(`expected , or ${close}`);
    }
  };
  ws();
  let record: JsonRecord;
  if (s[i] === '{') {
    const entries = new Map<string, Cell>();
    list('}', () => {
      ws();
      if (s[i] !== '"') fail('expected a key');
      const key = string();
      ws();
      if (s[i++] !== ':') fail('expected :');
      entries.set(key, value());
    });
    record = { kind: 'object', entries };
  } else if (s[i] === '[') {
    const cells: Cell[] = [];
    list(']', () => cells.push(value()));
    record = { kind: 'array', cells };
  } else {
    const v = value();
    throw new TypeError(
      `a ${v === null ? 'null' : s[0] === '"' ? 'string' : 'bare value'}, not an object or array`,
    );
  }
  ws();
  if (i < s.length) fail('text after the record');
  return record;
}
