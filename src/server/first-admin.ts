/**
 * The first start creates the sysadmin `admin`, through the `user_create` action, with the
 * password from KENDALI_ADMIN_PASSWORD or a generated one that is printed once, here, and
 * never again (only its argon2id hash is stored).
 */
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { systemActor } from '../auth/actor.js';
import { generatePassword, PASSWORD_MIN } from '../auth/passwords.js';
import { configError, isKendaliError } from '../core/errors.js';
import { makeContext } from '../http/context.js';

export const FIRST_ADMIN = 'admin';

/** Writes a message for the operator (stderr by default). */
export type Notice = (text: string) => void;

export const stderrNotice: Notice = (text) => {
  process.stderr.write(text);
};

/** Refuses a KENDALI_ADMIN_PASSWORD too short to be accepted, before anything is seeded. */
export function checkAdminPassword(password: string | undefined): void {
  if (password !== undefined && password.length < PASSWORD_MIN) {
    throw configError(
      `invalid configuration: KENDALI_ADMIN_PASSWORD must have at least ${PASSWORD_MIN} characters`,
    );
  }
}

export async function createFirstAdmin(
  registry: ActionRegistry,
  services: Services,
  notice: Notice,
): Promise<void> {
  const ctx = makeContext(
    registry,
    services,
    systemActor('system:first-start'),
    services.config.locale,
    'first-start',
  );
  try {
    await ctx.call('user_show', { id: FIRST_ADMIN });
    return; // a retried first start: it exists already
  } catch (e) {
    if (!isKendaliError(e) || e.code !== 'NOT_FOUND') throw e;
  }
  const given = services.config.adminPassword;
  const password = given ?? generatePassword();
  await ctx.call('user_create', { name: FIRST_ADMIN, password, fullname: 'Administrator', sysadmin: true });
  if (given !== undefined) {
    notice(`kendali: created the sysadmin "${FIRST_ADMIN}" with the password from KENDALI_ADMIN_PASSWORD\n`);
    return;
  }
  notice(
    [
      `kendali: created the sysadmin "${FIRST_ADMIN}" with this generated password:`,
      '',
      `    ${password}`,
      '',
      'kendali: this password will not be shown again. Keep it now; sign in and change it.',
      '',
    ].join('\n'),
  );
}
