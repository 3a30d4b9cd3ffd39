import { type Kysely, sql } from 'kysely';

/**
 * Job lanes: jobs that share a lane (imports into one datastore table) run one after another,
 * in the order they were queued, in any number of processes — at most one per lane is running,
 * which the partial unique index enforces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE job ADD COLUMN lane text;
    CREATE UNIQUE INDEX job_lane_running ON job(lane) WHERE state = 'running' AND lane IS NOT NULL;
    CREATE INDEX job_lane ON job(lane, created) WHERE lane IS NOT NULL;
  `.execute(db);
}
