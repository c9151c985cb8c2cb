// Secrets: the host key and seat tokens. Only their SHA-256 hashes are kept.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A public simul id: 10 characters, about 50 bits, unguessable enough to not collide. */
export function newSimulId(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

export function newPlayerId(): string {
  return randomBytes(8).toString('hex');
}

/** A six-digit join code, like a quiz game's PIN. */
export function newJoinCode(): string {
  return String(randomInt(100000, 1000000));
}
