/**
 * Makes an embedded PGlite database look like a node-postgres pool, so Kysely's own
 * PostgresDialect drives both PGlite and a real PostgreSQL server: one dialect, one set of
 * queries and migrations. PGlite has one connection; `connect` hands it out to one holder at
 * a time (a transaction keeps it until it commits), the rest wait in line.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];
const COMMANDS = new Set<string>(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK']);

function commandOf(sql: string): Command {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
  return (COMMANDS.has(word) ? word : 'SELECT') as Command;
}

export class PGlitePool implements PostgresPool {
  readonly #db: PGlite;
  #tail: Promise<void> = Promise.resolve();

  constructor(db: PGlite) {
    this.#db = db;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const turn = new Promise<void>((r) => {
      release = r;
    });
    const before = this.#tail;
    this.#tail = before.then(() => turn);
    await before;
    const db = this.#db;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        if (parameters.length === 0) {
          // No parameters: the simple protocol, which (as node-postgres) accepts several statements.
          const results = await db.exec(sql);
          const last = results.at(-1);
          return {
            command: commandOf(sql),
            rowCount: last?.affectedRows ?? 0,
            rows: (last?.rows ?? []) as R[],
          };
        }
        const res = await db.query<R>(sql, [...parameters]);
        return { command: commandOf(sql), rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
      },
      release(): void {
        if (released) return;
        released = true;
        release();
      },
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#tail;
  }
}
