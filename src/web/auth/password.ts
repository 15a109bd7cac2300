import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The web UI password, stored only as a scrypt hash in the config's `web.passwordHash`
 * (`scrypt$N$r$p$salt$hash`, base64). The parameters travel with the hash so that they can be raised
 * later without invalidating passwords already set.
 */

const COST = 16384;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(plain: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: 128 * N * r bytes are needed; leave room so raised parameters still work.
    scrypt(
      plain.normalize('NFC'),
      salt,
      keyLength,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(plain: string): Promise<string> {
  if (plain.length === 0) throw new Error('an empty password cannot be hashed');
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(plain, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM }, KEY_LENGTH);
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `plain` matches `hash`; false for a wrong password or a hash that is not ours. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, costText, blockText, parallelText, saltText, keyText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const N = Number(costText);
  const r = Number(blockText);
  const p = Number(parallelText);
  const valid = (value: number, max: number) => Number.isInteger(value) && value > 0 && value <= max;
  // Bounds keep a tampered hash from asking for unbounded memory or time.
  if (!valid(N, 1 << 20) || (N & (N - 1)) !== 0 || !valid(r, 32) || !valid(p, 16)) return false;
  const salt = Buffer.from(saltText, 'base64');
  const expected = Buffer.from(keyText, 'base64');
  if (salt.length === 0 || expected.length < 16) return false;
  try {
    const actual = await derive(plain, salt, { N, r, p }, expected.length);
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
