/**
 * Alert notifications to a webhook (`KENDALI_ALERT_WEBHOOK_URL`): one POST of JSON per alert
 * event, each attempt bounded by a timeout, retried with a short backoff on a network error or
 * a 5xx/429 answer. Delivery never throws: the outcome is returned for the alert's log.
 */
export interface WebhookOutcome {
  readonly ok: boolean;
  readonly attempts: number;
  readonly status: number | null;
  readonly error: string | null;
}

export interface WebhookOptions {
  readonly timeoutMs?: number;
  readonly attempts?: number;
  /** Delay before attempt n+1, in ms (default 500 × 4^(n−1)). */
  readonly backoffMs?: (attempt: number) => number;
}

const retryable = (status: number) => status >= 500 || status === 429;

export async function postWebhook(
  url: string,
  payload: unknown,
  opts: WebhookOptions = {},
): Promise<WebhookOutcome> {
  const attempts = opts.attempts ?? 3;
  const backoff = opts.backoffMs ?? ((n: number) => 500 * 4 ** (n - 1));
  let last: WebhookOutcome = { ok: false, attempts: 0, status: null, error: null };
  for (let n = 1; n <= attempts; n++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Kendali-RuangKendali/1' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
        redirect: 'manual',
      });
      await res.arrayBuffer().catch(() => undefined);
      last = { ok: res.ok, attempts: n, status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
      if (res.ok || !retryable(res.status)) return last;
    } catch (e) {
      const name = (e as Error).name;
      last = {
        ok: false,
        attempts: n,
        status: null,
        error: name === 'TimeoutError' ? 'timeout' : (e as Error).message,
      };
    }
    if (n < attempts) await new Promise((r) => setTimeout(r, backoff(n)));
  }
  return last;
}
