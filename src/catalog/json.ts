import { type RawBuilder, sql } from 'kysely';

/**
 * A value for a jsonb column, bound as text and cast, so node-postgres (which would turn a JS
 * array into a PostgreSQL array) and PGlite store exactly the same JSON.
 */
export const jsonb = <T>(value: T): RawBuilder<T> => sql<T>`${JSON.stringify(value)}::text::jsonb`;
