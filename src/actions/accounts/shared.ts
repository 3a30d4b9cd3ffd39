/** Lookups, schemas and the CKAN user dict shared by the account actions. */
import { Type } from '@sinclair/typebox';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../auth/passwords.js';
import { ckanTime, isUuid } from '../../catalog/ckan-format.js';
import type { AppUserTable, CatalogSchema } from '../../catalog/schema.js';
import { notFound } from '../../core/errors.js';
import type { ActionContext, OrgRole } from '../types.js';

export type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;
export type UserRow = Selectable<AppUserTable>;

export const ROLES: readonly OrgRole[] = ['admin', 'walidata', 'produsen', 'member'];

export const UserName = Type.String({
  minLength: 2,
  maxLength: 100,
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  description: 'Login name: 2–100 lowercase letters, digits, - or _',
});
export const UserRef = Type.String({ minLength: 1, maxLength: 100, description: 'User id or name' });
export const Email = Type.String({
  maxLength: 320,
  pattern: '^[^\\s@<>()\\[\\]\\\\,;:"]+@[^\\s@<>()\\[\\]\\\\,;:"]+\\.[^\\s@<>()\\[\\]\\\\,;:"]{2,}$',
  description: 'Email address',
});
export const Password = Type.String({
  minLength: PASSWORD_MIN,
  maxLength: PASSWORD_MAX,
  description: `Password, at least ${PASSWORD_MIN} characters`,
});
export const Role = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'admin, walidata, produsen or member' },
);

/** A user by id or login name; NotFound when absent (or deleted, unless `deleted` is allowed). */
export async function findUser(db: Db, idOrName: string, opts: { deleted?: boolean } = {}): Promise<UserRow> {
  let q = db.selectFrom('app_user').selectAll();
  q = isUuid(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName.toLowerCase());
  if (!opts.deleted) q = q.where('state', '=', 'active');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`user ${idOrName}`);
  return row;
}

/** May the actor see this user's private fields (email, last login)? Themselves and sysadmins. */
export const seesPrivate = (ctx: ActionContext, userId: string): boolean =>
  ctx.actor !== null && (ctx.actor.sysadmin || ctx.actor.id === userId);

/** CKAN's user dict. Never the password hash; email and last login only when `privateFields`. */
export function userDict(u: UserRow, privateFields: boolean) {
  return {
    id: u.id,
    name: u.name,
    fullname: u.fullname,
    display_name: u.fullname || u.name,
    about: '',
    created: ckanTime(u.created),
    sysadmin: u.sysadmin,
    state: u.state,
    image_display_url: '',
    number_created_packages: 0,
    ...(privateFields ? { email: u.email ?? '', last_login: ckanTime(u.last_login) } : {}),
  };
}

export type UserDict = ReturnType<typeof userDict>;
