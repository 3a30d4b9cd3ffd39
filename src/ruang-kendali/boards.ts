/**
 * Boards of the control room: who may read and edit one, the checks of a board document
 * (tile ids, kinds, grid bounds, indicators the author may read, map names) and the conversion
 * between the stored row (tiles name indicators by id) and the portable document (by name).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor, Services } from '../actions/types.js';
import { EDITOR_ROLES, hasRole, roleIn } from '../catalog/access.js';
import { isUuid } from '../catalog/ckan-format.js';
import type { BoardTable } from '../catalog/schema.js';
import { addFieldError, type FieldErrors, notFound, validation } from '../core/errors.js';
import {
  BOARD_COLUMNS,
  BOARD_FORMAT,
  type BoardDocument,
  TILE_KINDS,
  type TileKind,
  type TileSpec,
} from './board-format.js';
import type { IndicatorRow } from './compute.js';
import { canReadIndicator, readableIndicators } from './indicators.js';

type Db = Services['catalog']['db'];
export type BoardRow = Selectable<BoardTable>;

/** Tile kinds that show an indicator. */
export const INDICATOR_KINDS: ReadonlySet<TileKind> = new Set(['kpi', 'trend', 'map', 'ranking', 'table']);
const REGION_KINDS: ReadonlySet<TileKind> = new Set(['map', 'ranking', 'table']);
const TILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const hashShareToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newShareToken = (): string => randomBytes(24).toString('base64url');

export async function findBoard(db: Db, idOrName: string): Promise<BoardRow> {
  const row = await db
    .selectFrom('board')
    .selectAll()
    .where(isUuid(idOrName) ? 'id' : 'name', '=', idOrName)
    .executeTakeFirst();
  if (!row) throw notFound(`board ${idOrName}`);
  return row;
}

/** Public boards to all; private ones to members of the owner institution, sysadmins, or a valid share token. */
export function canReadBoard(
  actor: Actor | null,
  board: Pick<BoardRow, 'private' | 'organization_id' | 'share_token_hash'>,
  share?: string,
): boolean {
  if (!board.private || actor?.sysadmin || roleIn(actor, board.organization_id) !== undefined) return true;
  return (
    share !== undefined && board.share_token_hash !== null && hashShareToken(share) === board.share_token_hash
  );
}

export const canEditBoard = (actor: Actor | null, board: Pick<BoardRow, 'organization_id'>): boolean =>
  hasRole(actor, board.organization_id, EDITOR_ROLES);

/** A board's tiles as stored: indicator ids. */
export const storedTiles = (board: Pick<BoardRow, 'tiles'>): TileSpec[] => board.tiles as TileSpec[];

/** Checks tiles and resolves their indicators (id or name, readable by `actor`) to ids; throws one Validation error naming every bad field. */
export async function checkTiles(
  services: Services,
  actor: Actor | null,
  tiles: readonly TileSpec[],
  board: { province?: string | null },
): Promise<TileSpec[]> {
  const db = services.catalog.db;
  const errors: FieldErrors = {};
  const readable = await readableIndicators(db, actor);
  const byRef = new Map<string, IndicatorRow>();
  for (const r of readable) {
    if (!canReadIndicator(actor, r)) continue;
    byRef.set(r.indicator.id, r.indicator);
    byRef.set(r.indicator.name, r.indicator);
  }
  const maps = new Set(
    (await db.selectFrom('region_map').select(['name', 'level']).execute()).map(
      (m) => `${m.name}|${m.level}`,
    ),
  );
  const seen = new Set<string>();
  const out: TileSpec[] = [];
  tiles.forEach((tile, i) => {
    const at = (field: string, message: string) => addFieldError(errors, `tiles[${i}].${field}`, message);
    if (!TILE_ID.test(tile.id)) at('id', 'use 1–64 letters, digits, - or _');
    else if (seen.has(tile.id)) at('id', `tile id ${JSON.stringify(tile.id)} is used twice`);
    seen.add(tile.id);
    if (!(TILE_KINDS as readonly string[]).includes(tile.kind))
      at('kind', `unknown kind ${JSON.stringify(tile.kind)}; one of ${TILE_KINDS.join(', ')}`);
    if (!Number.isInteger(tile.x) || tile.x < 0 || tile.x >= BOARD_COLUMNS) at('x', 'a column 0–11');
    if (!Number.isInteger(tile.w) || tile.w < 1 || tile.w > BOARD_COLUMNS) at('w', 'a width of 1–12 columns');
    else if (tile.x + tile.w > BOARD_COLUMNS)
      at('w', `x + w is ${tile.x + tile.w}; at most ${BOARD_COLUMNS}`);
    if (!Number.isInteger(tile.y) || tile.y < 0) at('y', 'a row ≥ 0');
    if (!Number.isInteger(tile.h) || tile.h < 1 || tile.h > 8) at('h', 'a height of 1–8 rows');
    let indicator: string | undefined;
    if (INDICATOR_KINDS.has(tile.kind)) {
      if (!tile.indicator) at('indicator', `a ${tile.kind} tile needs an indicator`);
      else {
        const ind = byRef.get(tile.indicator);
        indicator = ind?.id;
        if (!ind) at('indicator', `no indicator ${JSON.stringify(tile.indicator)} that you may read`);
        else if (REGION_KINDS.has(tile.kind)) {
          const regency = (tile.options?.level ?? 'province') === 'regency';
          const column = regency
            ? ind.region_level === 'regency' && ind.region_column && ind.province_column
            : ind.region_level === 'province'
              ? ind.region_column
              : ind.province_column;
          if (!column)
            at(
              'indicator',
              `${JSON.stringify(ind.name)} has no ${regency ? 'regency (with province)' : 'province'} column for a ${tile.kind} tile`,
            );
        }
      }
    } else if (tile.indicator) at('indicator', `a ${tile.kind} tile shows no indicator`);
    const o = tile.options ?? {};
    const level = o.level ?? 'province';
    if (o.level !== undefined && o.level !== 'province' && o.level !== 'regency')
      at('options.level', 'province or regency');
    if (level === 'regency' && (tile.kind === 'map' || tile.kind === 'ranking' || tile.kind === 'table')) {
      const province = o.province ?? board.province;
      if (!province) at('options.province', 'regency level needs a province (here or on the board)');
      else if (!/^\d{2}$/.test(province)) at('options.province', 'a two-digit province code such as 32');
    }
    if (o.province !== undefined && !/^\d{2}$/.test(o.province))
      at('options.province', 'a two-digit province code such as 32');
    if (o.limit !== undefined && (!Number.isInteger(o.limit) || o.limit < 1 || o.limit > 100))
      at('options.limit', 'a number of rows 1–100');
    if (o.order !== undefined && o.order !== 'best' && o.order !== 'worst')
      at('options.order', 'best or worst');
    if (o.map !== undefined && tile.kind === 'map') {
      if (o.map === 'tilegrid') {
        if (level !== 'province') at('options.map', 'the tile grid shows provinces only');
      } else if (!maps.has(`${o.map}|${level}`))
        at('options.map', `no ${level} map ${JSON.stringify(o.map)}`);
    }
    out.push(indicator ? { ...tile, indicator } : { ...tile });
  });
  if (Object.keys(errors).length > 0) throw validation(errors);
  return out;
}

/** The portable document of a board: indicators by name, the owner by name. */
export async function boardDocument(db: Db, board: BoardRow): Promise<BoardDocument> {
  const tiles = storedTiles(board);
  const ids = [...new Set(tiles.map((t) => t.indicator).filter((i): i is string => !!i && isUuid(i)))];
  const names = new Map(
    ids.length > 0
      ? (await db.selectFrom('indicator').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (r) => [r.id, r.name],
        )
      : [],
  );
  const org = await db
    .selectFrom('organization')
    .select('name')
    .where('id', '=', board.organization_id)
    .executeTakeFirstOrThrow();
  return {
    format: BOARD_FORMAT,
    name: board.name,
    title: board.title,
    ...(board.title_en ? { title_en: board.title_en } : {}),
    ...(board.description ? { description: board.description } : {}),
    organization: org.name,
    private: board.private,
    province: board.province,
    tiles: tiles.map((t) => (t.indicator ? { ...t, indicator: names.get(t.indicator) ?? t.indicator } : t)),
  };
}

/** The document with id and times (BoardView.board); indicators by name, as in the document (names never change). */
export async function boardRecord(db: Db, board: BoardRow) {
  const doc = await boardDocument(db, board);
  return {
    ...doc,
    id: board.id,
    created: board.created.toISOString(),
    modified: board.modified.toISOString(),
  };
}
