/**
 * Passwords: argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane), about
 * 20–40 ms a hash. An unknown user is checked against a dummy hash made with the same
 * parameters, so a failed login costs the same time whether the user exists or not.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { randomSecret } from './secrets.js';

/** `Algorithm.Argon2id`; the enum is a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

let dummy: Promise<string> | undefined;

/**
 * True when `password` matches `stored`. With `stored` null (no such user) the password is
 * still checked against a dummy hash, and the answer is false.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hashPassword(randomSecret());
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A strong generated password: 18 random bytes, 24 base64url characters (144 bits). */
export const generatePassword = (): string => randomSecret(18);
