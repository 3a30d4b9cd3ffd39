import { errorLine, isKendaliError } from '../core/errors.js';

/** An error the CLI reports as one line and exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Prints one clear line for the error and returns the exit code (2 for bad configuration). */
export function reportError(e: unknown, stream: NodeJS.WriteStream = process.stderr): number {
  if (e instanceof CliError) {
    stream.write(`kendali: ${e.message}\n`);
    return e.exitCode;
  }
  if (isKendaliError(e)) {
    stream.write(`kendali: ${errorLine(e)}\n`);
    return e.code === 'CONFIG' ? 2 : 1;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EADDRINUSE') {
    stream.write(`kendali: the port is already in use (${err.message}); set PORT to another one\n`);
    return 1;
  }
  stream.write(`kendali: ${err?.message ?? String(e)}\n`);
  if (process.env.KENDALI_DEBUG) stream.write(`${err?.stack ?? ''}\n`);
  return 1;
}
