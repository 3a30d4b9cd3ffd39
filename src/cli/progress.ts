/**
 * One progress reporter for every long CLI job (import, harvest, seed, rebuild): a bar with
 * rate and ETA on a terminal, plain timestamped lines otherwise (logs, CI, pipes).
 */
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  /** A step without a known total. */
  note(label: string): void;
  /** `done` of `total` units; `label` says what is being done. */
  update(done: number, total: number, label?: string): void;
  stop(final?: string): void;
}

export interface ProgressOptions {
  readonly stream?: NodeJS.WriteStream;
  readonly unit?: string;
  /** Force plain lines even on a TTY. */
  readonly plain?: boolean;
  /** Minimum milliseconds between plain progress lines. */
  readonly plainEveryMs?: number;
}

export function createProgress(title: string, options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const unit = options.unit ?? '';
  if (stream.isTTY && !options.plain) return ttyProgress(title, stream, unit);
  return plainProgress(title, stream, unit, options.plainEveryMs ?? 1000);
}

function ttyProgress(title: string, stream: NodeJS.WriteStream, unit: string): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${title} [{bar}] {percentage}% {value}/{total}${unit ? ` ${unit}` : ''} | {rate}/s | ETA {eta_formatted} | {label}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const t0 = Date.now();
  const rate = (done: number): string => {
    const s = (Date.now() - t0) / 1000;
    return s > 0 ? (done / s).toFixed(done / s >= 100 ? 0 : 1) : '–';
  };
  return {
    note(label) {
      if (started) bar.update({ label });
      else stream.write(`${title}: ${label}\n`);
    },
    update(done, total, label = '') {
      if (!started) {
        bar.start(total, done, { label, rate: rate(done) });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label, rate: rate(done) });
    },
    stop(final) {
      if (started) bar.stop();
      if (final) stream.write(`${title}: ${final}\n`);
    },
  };
}

function plainProgress(
  title: string,
  stream: NodeJS.WriteStream,
  unit: string,
  everyMs: number,
): ProgressReporter {
  const t0 = Date.now();
  let last = 0;
  const line = (text: string): void => {
    stream.write(`[${new Date().toISOString()}] ${title}: ${text}\n`);
  };
  return {
    note: (label) => line(label),
    update(done, total, label = '') {
      const now = Date.now();
      if (done < total && now - last < everyMs) return;
      last = now;
      const s = (now - t0) / 1000;
      const rate = s > 0 ? done / s : 0;
      const eta = rate > 0 && done < total ? ` ETA ${Math.ceil((total - done) / rate)}s` : '';
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      line(
        `${pct}% ${done}/${total}${unit ? ` ${unit}` : ''} ${rate.toFixed(1)}/s${eta}${label ? ` ${label}` : ''}`,
      );
    },
    stop: (final) => {
      if (final) line(final);
    },
  };
}
