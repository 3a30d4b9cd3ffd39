/** Random secrets, their SHA-256 and constant-time comparison: the primitives of tokens and sessions. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `bytes` random bytes as base64url (32 bytes = 256 bits = 43 characters). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Lowercase hex SHA-256 of a string (64 characters). */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
