/**
 * Streaming JSON without parsing a file whole: the elements of a top-level array (or the lines of
 * NDJSON) are cut out one at a time, with the line each starts on; json-record.ts reads each.
 */
import { isSpace } from './json-record.js';

export class JsonShapeError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface Piece {
  readonly line: number;
  readonly text: string;
}

/** The elements of a top-level JSON array, with the line each starts on. */
export async function* arrayElements(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<Piece> {
  let state: 'start' | 'first' | 'value' | 'between' | 'end' = 'start';
  let kind: 'container' | 'string' | 'bare' | undefined;
  let line = 1;
  let startLine = 0;
  let buf = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  for await (const chunk of chunks) {
    let from = kind === undefined ? -1 : 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (kind !== undefined) {
        let end = -1;
        if (kind === 'bare') {
          if (c === ',' || c === ']' || isSpace(c)) end = i;
        } else if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') {
            inString = false;
            if (kind === 'string') end = i + 1;
          }
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if ((c === '}' || c === ']') && --depth === 0) end = i + 1;
        if (end === -1) {
          if (c === '\n') line++;
          continue;
        }
        yield { line: startLine, text: buf + chunk.slice(from, end) };
        buf = '';
        kind = undefined;
        from = -1;
        state = 'between';
        if (end === i + 1) continue;
      }
      if (c === '\n') line++;
      if (isSpace(c)) continue;
      if (state === 'start' && c === '[') state = 'first';
      else if (state === 'between' && c === ',') state = 'value';
      else if ((state === 'between' || state === 'first') && c === ']') state = 'end';
      else if (state === 'first' || state === 'value') {
        from = i;
        startLine = line;
        kind = c === '{' || c === '[' ? 'container' : c === '"' ? 'string' : 'bare';
        depth = kind === 'container' ? 1 : 0;
        inString = kind === 'string';
        escaped = false;
      } else {
        const expected = {
          start: 'expected [ to open the array',
          between: 'expected , or ]',
          end: 'text after the closing ]',
        };
        throw new JsonShapeError(
          `${expected[state as keyof typeof expected] ?? 'unexpected'} (found ${JSON.stringify(c)})`,
          line,
        );
      }
    }
    if (kind !== undefined) {
      buf += chunk.slice(from);
      if (buf.length > maxChars)
        throw new JsonShapeError(`an element is longer than ${maxChars} characters`, startLine);
    }
  }
  if (kind !== undefined) throw new JsonShapeError('the file ends inside an element', startLine);
  if (state !== 'end') throw new JsonShapeError('the array is never closed with ]', line);
}

/** The non-blank lines of NDJSON, with their line numbers. */
export async function* ndjsonLines(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<Piece> {
  let line = 1;
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl).trim();
      if (piece !== '') yield { line, text: piece };
      line++;
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rest.length > maxChars)
      throw new JsonShapeError(`a line is longer than ${maxChars} characters`, line);
  }
  if (rest.trim() !== '') yield { line, text: rest.trim() };
}
