import { errorLine, isKendaliError, KendaliError } from '../core/errors.js';
import { type MessageLanguage, translateMessage, translateReasons } from '../i18n/messages.js';

/**
 * The language of the CLI's messages: KENDALI_LOCALE's (Bahasa Indonesia unless `en`), as the
 * import's own lines are.
 */
export const cliLanguage = (env: NodeJS.ProcessEnv = process.env): MessageLanguage =>
  env.KENDALI_LOCALE === 'en' ? 'en' : 'id';

/** An error the CLI reports as one line and exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * A coded error's line as `errorLine` wrote it (`message (field: reason, reason; field: reason)`,
 * a failed job's error), in `lang`: the message, and each field's reasons (`translateReasons`).
 */
export function translateLine(line: string, lang: MessageLanguage = cliLanguage()): string {
  const m = /^(.*?) \(([\w.]+: [\s\S]*)\)$/.exec(line);
  if (!m) return translateMessage(line, lang);
  const fields = (m[2] as string).split(/; (?=[\w.]+: )/).map((part) => {
    const at = part.indexOf(': ');
    return `${part.slice(0, at)}: ${translateReasons(part.slice(at + 2), lang, ', ')}`;
  });
  return `${translateMessage(m[1] as string, lang)} (${fields.join('; ')})`;
}

/** Prints one clear line for the error, in `lang`, and returns the exit code (2 for bad configuration). */
export function reportError(
  e: unknown,
  stream: NodeJS.WriteStream = process.stderr,
  lang: MessageLanguage = cliLanguage(),
): number {
  if (e instanceof CliError) {
    stream.write(`kendali: ${e.message}\n`);
    return e.exitCode;
  }
  if (isKendaliError(e)) {
    const tr = (m: string) => translateMessage(m, lang);
    const fields = e.fields
      ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.map(tr)]))
      : undefined;
    stream.write(`kendali: ${errorLine(new KendaliError(e.code, tr(e.message), fields))}\n`);
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
