/**
 * Follows a job to its end for the CLI: from a server by its Server-Sent Events
 * (`/api/jobs/{id}/events`), falling back to `job_show` every 300 ms when the stream is not
 * available or breaks; on the data directory by `job_show`. Each progress report goes to
 * `onProgress`; the answer is the job as it ended.
 */
import type { JobProgress } from '../catalog/schema.js';
import type { CallAction } from './actions.js';
import type { Remote } from './remote.js';

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly state: string;
  readonly error: string | null;
  readonly progress: JobProgress;
  readonly result: unknown;
  readonly existing?: boolean;
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);
export const hasEnded = (job: Pick<JobView, 'state'>): boolean => ENDED.has(job.state);

export interface FollowOptions {
  readonly call: CallAction;
  readonly remote?: Remote | undefined;
  readonly onProgress: (progress: JobProgress) => void;
}

export async function followJob(job: JobView, options: FollowOptions): Promise<JobView> {
  if (hasEnded(job)) return job;
  if (options.remote) {
    const ended = await streamEvents(job.id, options.remote, options.onProgress).catch(() => undefined);
    if (ended) return ended;
  }
  return poll(job, options);
}

async function poll(job: JobView, options: FollowOptions): Promise<JobView> {
  let now = job;
  while (!hasEnded(now)) {
    await new Promise((r) => setTimeout(r, 300));
    now = (await options.call('job_show', { id: job.id })) as JobView;
    options.onProgress(now.progress);
  }
  return now;
}

/** Reads the job's event stream; the ended job, or undefined when the stream ended early. */
async function streamEvents(
  id: string,
  remote: Remote,
  onProgress: (p: JobProgress) => void,
): Promise<JobView | undefined> {
  const res = await fetch(`${remote.url.replace(/\/$/, '')}/api/jobs/${encodeURIComponent(id)}/events`, {
    headers: { authorization: remote.token, accept: 'text/event-stream' },
  });
  if (!res.ok || !res.body) return undefined;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || data === undefined) continue;
      const parsed = JSON.parse(data) as JobView;
      if (parsed.progress) onProgress(parsed.progress);
      if (event === 'job' && hasEnded(parsed)) return parsed;
    }
  }
  return undefined;
}

/**
 * Runs `follow` with Ctrl-C bound to cancelling the job (`job_cancel`): the job then ends
 * `cancelled` and `follow` answers it. A second Ctrl-C leaves at once (exit 130).
 */
export async function cancelOnInterrupt<T>(
  call: CallAction,
  id: string,
  say: (text: string) => void,
  follow: () => Promise<T>,
): Promise<T> {
  let asked = false;
  const onInterrupt = () => {
    if (asked) process.exit(130);
    asked = true;
    say('membatalkan tugas di server (Ctrl-C sekali lagi: keluar tanpa menunggu)');
    call('job_cancel', { id }).catch((e: unknown) =>
      say(`tidak bisa dibatalkan: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await follow();
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
