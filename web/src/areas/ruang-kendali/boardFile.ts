import { BOARD_FORMAT, type BoardDocument } from '../../../../src/ruang-kendali/board-format.js';

/** Reads a board file (JSON): says what is wrong rather than sending garbage to the server. */
export function parseBoardFile(text: string): BoardDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('The file is not a board: expected a JSON object');
  const doc = parsed as Partial<BoardDocument>;
  if (doc.format !== undefined && doc.format !== BOARD_FORMAT)
    throw new Error(`Unknown board format "${String(doc.format)}" (expected ${BOARD_FORMAT})`);
  if (!Array.isArray(doc.tiles)) throw new Error('The board file has no "tiles" list');
  return { ...doc, format: BOARD_FORMAT } as BoardDocument;
}
