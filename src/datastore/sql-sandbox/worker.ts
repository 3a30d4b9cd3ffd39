/**
 * Entry of a sandbox worker process (started by pool.ts, never imported): runs the jobs its
 * parent sends, one at a time, each on a DuckDB instance of its own (run.ts), and answers
 * with the result or the coded error. Exits when the parent goes away.
 */
import { isKendaliError } from '../../core/errors.js';
import type { Job, Outcome } from './pool.js';
import { type FreshInstance, openFresh, runIsolated } from './run.js';

const send = process.send?.bind(process);
if (send === undefined) throw new Error('the SQL sandbox worker must be started by its pool');

process.on('disconnect', () => process.exit(0));
process.on('message', (job: Job) => {
  void answer(job).then((outcome) => send(outcome));
});
send('ready');

/** The instance for the next query, made while waiting for it (creating one is most of a query's cost). */
let spare: Promise<FreshInstance | undefined> | undefined;

async function answer(job: Job): Promise<Outcome> {
  const fresh = await spare;
  spare = undefined;
  try {
    return { ok: true, result: await runIsolated(job.sql, job.tables, job.limits, fresh) };
  } catch (e) {
    if (isKendaliError(e)) {
      const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
      return { ok: false, error: { code: e.code, message: `${e.message}${cause}`, fields: e.fields } };
    }
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    spare = openFresh(job.limits).catch(() => undefined);
  }
}
