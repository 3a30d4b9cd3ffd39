/**
 * Boards of the control room: `board_create/show/list/update/delete` and `board_share`. A board
 * is a document of tiles (src/ruang-kendali/board-format.ts); `board_show` computes their data
 * for the caller, or exports the portable document. Private boards are read by members of the
 * owner institution, sysadmins, and anyone holding the board's share token (read-only).
 */
import { type Static, Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { EDITOR_ROLES, hasRole, roleIn } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { jsonb } from '../../catalog/json.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound, validation } from '../../core/errors.js';
import { BOARD_FORMAT, type TileSpec } from '../../ruang-kendali/board-format.js';
import {
  boardDocument,
  boardRecord,
  canEditBoard,
  canReadBoard,
  checkTiles,
  findBoard,
  hashShareToken,
  newShareToken,
  storedTiles,
} from '../../ruang-kendali/boards.js';
import { type BoardChanged, ruangKendaliBus } from '../../ruang-kendali/bus.js';
import { boardView } from '../../ruang-kendali/tiles.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { allow, deny } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { lit } from './schemas.js';

const Tile = Type.Object({
  id: Type.String({ maxLength: 100 }),
  kind: Type.String({ maxLength: 40 }),
  title: Type.Optional(Type.String({ maxLength: 300 })),
  indicator: Type.Optional(Type.String({ maxLength: 100 })),
  x: Type.Integer(),
  y: Type.Integer(),
  w: Type.Integer(),
  h: Type.Integer(),
  options: Type.Optional(
    Type.Object({
      map: Type.Optional(Type.String({ maxLength: 100 })),
      level: Type.Optional(lit('province', 'regency')),
      province: Type.Optional(Type.String({ maxLength: 20 })),
      limit: Type.Optional(Type.Integer()),
      order: Type.Optional(lit('best', 'worst')),
    }),
  ),
});
const Province = Type.Union([Type.String({ pattern: '^\\d{2}$' }), Type.Null()], {
  description: 'province code of a province board (32)',
});
const Fields = {
  title: Type.String({ minLength: 2, maxLength: 300 }),
  title_en: Type.String({ maxLength: 300 }),
  description: Type.String({ maxLength: 5000 }),
  private: Type.Boolean(),
  province: Province,
  tiles: Type.Array(Tile, { maxItems: 200 }),
};

async function checkProvince(ctx: ActionContext, province: string | null | undefined): Promise<void> {
  if (!province) return;
  const r = await ctx.services.catalog.db
    .selectFrom('region')
    .select('code')
    .where('code', '=', province)
    .where('level', '=', 1)
    .executeTakeFirst();
  if (!r) throw validation({ province: [`${province} is not a Kemendagri province code`] });
}

function emit(
  ctx: ActionContext,
  b: { id: string; name: string; organization_id: string; private: boolean; modified: Date },
  action: BoardChanged['action'],
) {
  ruangKendaliBus(ctx.services).emit('board.changed', {
    id: b.id,
    name: b.name,
    organization_id: b.organization_id,
    private: b.private,
    action,
    modified: b.modified.toISOString(),
  });
}

const editPolicy = async (ctx: ActionContext, input: { id: string }) => {
  const board = await findBoard(ctx.services.catalog.db, input.id);
  if (!canReadBoard(ctx.actor, board)) throw notFound(`board ${input.id}`);
  return canEditBoard(ctx.actor, board)
    ? allow()
    : deny('Only editors of the institution may change its boards');
};

export const boardCreate = defineAction({
  name: 'board_create',
  doc: 'Creates a board from a board document (format kendali.board/1, `format` optional): name, title, owner institution, privacy, optional province and tiles (kpi, trend, map, ranking, table, alerts, programmes, media on a 12-column grid). Editors of the owner institution or sysadmins; every indicator must be readable by the caller.',
  readOnly: false,
  schema: Type.Object({
    format: Type.Optional(Type.Literal(BOARD_FORMAT)),
    name: Slug,
    organization: IdOrName,
    title: Fields.title,
    title_en: Type.Optional(Fields.title_en),
    description: Type.Optional(Fields.description),
    private: Type.Optional(Fields.private),
    province: Type.Optional(Province),
    tiles: Fields.tiles,
  }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const org = await findOrganization(ctx.services.catalog.db, input.organization);
    return hasRole(ctx.actor, org.id, EDITOR_ROLES)
      ? allow()
      : deny('Only editors of the institution may create its boards');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.organization);
    if (await db.selectFrom('board').select('id').where('name', '=', input.name).executeTakeFirst())
      throw validation({ name: ['That board name is already in use'] });
    await checkProvince(ctx, input.province);
    const tiles = await checkTiles(ctx.services, ctx.actor, input.tiles as TileSpec[], input);
    const row = await db.transaction().execute(async (trx) => {
      const made = await trx
        .insertInto('board')
        .values({
          name: input.name,
          title: input.title,
          title_en: input.title_en ?? '',
          description: input.description ?? '',
          organization_id: org.id,
          private: input.private ?? false,
          province: input.province ?? null,
          tiles: jsonb(tiles),
          creator: userIdOf(ctx.actor),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'board_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`board:${made.id}`]: { name: made.name, title: made.title, tiles: tiles.length } },
      });
      return made;
    });
    emit(ctx, row, 'created');
    return boardRecord(db, row);
  },
});

export const boardShow = defineAction({
  name: 'board_show',
  doc: 'One board: its document with id and times; `data: true` adds every tile’s data computed for the caller (BoardView); `format: "document"` returns the portable board file (indicators by name). `share` is a share token: read-only access to a private board without signing in.',
  readOnly: true,
  schema: Type.Object({
    id: IdOrName,
    data: Type.Optional(Type.Boolean()),
    format: Type.Optional(Type.Literal('document')),
    share: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  policy: async (ctx, input) => {
    const board = await findBoard(ctx.services.catalog.db, input.id);
    if (!canReadBoard(ctx.actor, board, input.share)) throw notFound(`board ${input.id}`);
    return allow();
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const board = await findBoard(db, input.id);
    if (input.format === 'document') return boardDocument(db, board);
    if (input.data) return boardView(ctx.services, ctx.actor, board);
    return {
      ...(await boardRecord(db, board)),
      shared: canEditBoard(ctx.actor, board) ? board.share_token_hash !== null : undefined,
    };
  },
});

export const boardList = defineAction({
  name: 'board_list',
  doc: 'Boards the caller may read (public ones, and the private ones of their institutions; all for a sysadmin), by title, optionally of one institution.',
  readOnly: true,
  schema: Type.Object({ owner_org: Type.Optional(IdOrName) }),
  policy: () => allow(),
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    let q = db
      .selectFrom('board as b')
      .innerJoin('organization as o', 'o.id', 'b.organization_id')
      .select([
        'b.id',
        'b.name',
        'b.title',
        'b.title_en',
        'b.description',
        'b.private',
        'b.province',
        'b.tiles',
        'b.organization_id',
        'b.modified',
        'o.name as organization',
        'o.title as organization_title',
      ])
      .orderBy('b.title');
    if (input.owner_org)
      q = q.where('b.organization_id', '=', (await findOrganization(db, input.owner_org)).id);
    const rows = await q.execute();
    return rows
      .filter((b) => !b.private || ctx.actor?.sysadmin || roleIn(ctx.actor, b.organization_id) !== undefined)
      .map(({ tiles, organization_id: _, modified, ...b }) => ({
        ...b,
        tile_count: (tiles as unknown[]).length,
        modified: modified.toISOString(),
      }));
  },
});

const UpdateSchema = Type.Object({
  id: IdOrName,
  title: Type.Optional(Fields.title),
  title_en: Type.Optional(Fields.title_en),
  description: Type.Optional(Fields.description),
  private: Type.Optional(Fields.private),
  province: Type.Optional(Province),
  tiles: Type.Optional(Fields.tiles),
});

export const boardUpdate = defineAction({
  name: 'board_update',
  doc: 'Changes a board: title, title_en, description, private, province; `tiles` (when given) replaces every tile. Editors of the owner institution. Viewers of the board get `board.changed` on the event stream.',
  readOnly: false,
  schema: UpdateSchema,
  policy: editPolicy,
  handler: async (ctx, input: Static<typeof UpdateSchema>) => {
    const db = ctx.services.catalog.db;
    const board = await findBoard(db, input.id);
    if (input.province !== undefined) await checkProvince(ctx, input.province);
    const province = input.province !== undefined ? input.province : board.province;
    const tiles = await checkTiles(
      ctx.services,
      ctx.actor,
      (input.tiles ?? storedTiles(board)) as TileSpec[],
      { province },
    );
    const set = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.title_en !== undefined ? { title_en: input.title_en } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.private !== undefined ? { private: input.private } : {}),
      ...(input.province !== undefined ? { province: input.province } : {}),
    };
    const row = await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('board')
        .set({ ...set, tiles: jsonb(tiles), modified: new Date() })
        .where('id', '=', board.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'board_update',
        entityType: 'organization',
        entityId: board.organization_id,
        before: { [`board:${board.id}`]: { ...pick(board, set), tiles: board.tiles } },
        after: { [`board:${board.id}`]: { ...set, tiles } },
      });
      return updated;
    });
    emit(ctx, row, 'updated');
    return boardRecord(db, row);
  },
});

function pick(board: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(set).map((k) => [k, board[k]]));
}

export const boardDelete = defineAction({
  name: 'board_delete',
  doc: 'Deletes a board. Editors of the owner institution.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }),
  policy: editPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const board = await findBoard(db, input.id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('board').where('id', '=', board.id).execute();
      await audit(trx, ctx.actor, {
        action: 'board_delete',
        entityType: 'organization',
        entityId: board.organization_id,
        before: { [`board:${board.id}`]: { name: board.name, title: board.title } },
        after: {},
      });
    });
    emit(ctx, { ...board, modified: new Date() }, 'deleted');
    return { id: board.id, name: board.name, deleted: true };
  },
});

export const boardShare = defineAction({
  name: 'board_share',
  doc: 'Share link of a board: `enabled: true` makes a new random token (only its SHA-256 is kept; an earlier link stops working) and returns the link for read-only viewing without signing in; `enabled: false` revokes it. Editors of the owner institution.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName, enabled: Type.Boolean() }),
  policy: editPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const board = await findBoard(db, input.id);
    const token = input.enabled ? newShareToken() : null;
    await db
      .updateTable('board')
      .set({ share_token_hash: token ? hashShareToken(token) : null })
      .where('id', '=', board.id)
      .execute();
    await audit(db, ctx.actor, {
      action: 'board_share',
      entityType: 'organization',
      entityId: board.organization_id,
      before: { [`board:${board.id}`]: { shared: board.share_token_hash !== null } },
      after: { [`board:${board.id}`]: { shared: token !== null } },
    });
    const base = ctx.services.config.baseUrl.replace(/\/$/, '');
    return {
      url: token ? `${base}/ruang-kendali/papan/${board.name}?share=${token}` : null,
      enabled: token !== null,
    };
  },
});
