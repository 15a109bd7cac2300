import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

const SALT = Buffer.from('0123456789abcdef');

/** A hash written by hand with scrypt itself, to check verifyPassword against an independent one. */
function handHash(
  plain: string,
  N: number,
  r: number,
  p: number,
  options: { salt?: Buffer; keyLength?: number } = {},
) {
  const salt = options.salt ?? SALT;
  const key = scryptSync(plain, salt, options.keyLength ?? 32, { N, r, p, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** `hash` with its `index`th `$`-separated part replaced. */
function withPart(hash: string, index: number, value: string): string {
  const parts = hash.split('$');
  parts[index] = value;
  return parts.join('$');
}

describe('hashPassword', () => {
  it('writes scrypt$N$r$p$salt$key with a 16-byte salt and a 32-byte key that scrypt itself finds', async () => {
    const hash = await hashPassword('mot de passe à retenir');
    const [name, N, r, p, salt, key] = hash.split('$');
    expect([name, N, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    const saltBytes = Buffer.from(salt ?? '', 'base64');
    expect(saltBytes).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toEqual(
      scryptSync('mot de passe à retenir', saltBytes, 32, { N: 16384, r: 8, p: 1 }),
    );
    expect(hash).not.toContain('mot de passe');
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses an empty password', async () => {
    await expect(hashPassword('')).rejects.toThrow('an empty password cannot be hashed');
  });

  it('reads an accented password the same however it was typed (NFC)', async () => {
    const decomposed = 'e\u0301te\u0301'; // "été" as e + combining accent, as some keyboards send it
    const hash = await hashPassword(decomposed);
    expect(await verifyPassword('été', hash)).toBe(true);
    expect(await verifyPassword(decomposed, await hashPassword('été'))).toBe(true);
  });
});

describe('verifyPassword', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('mot de passe à retenir');
    expect(await verifyPassword('mot de passe à retenir', hash)).toBe(true);
    expect(await verifyPassword('mot de passe a retenir', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('verifies a hash made with other parameters: they travel with it', async () => {
    expect(await verifyPassword('secret', handHash('secret', 4, 2, 3))).toBe(true);
    expect(await verifyPassword('other', handHash('secret', 4, 2, 3))).toBe(false);
    // 32 MiB of scrypt memory: above Node's default limit, so the hash needs the raised one.
    expect(await verifyPassword('secret', handHash('secret', 32_768, 8, 1))).toBe(true);
  });

  it('accepts the largest parameters, refuses one step beyond (a tampered hash asking for time)', async () => {
    expect(await verifyPassword('secret', handHash('secret', 2, 32, 1))).toBe(true);
    expect(await verifyPassword('secret', handHash('secret', 2, 33, 1))).toBe(false);
    expect(await verifyPassword('secret', handHash('secret', 2, 1, 16))).toBe(true);
    expect(await verifyPassword('secret', handHash('secret', 2, 1, 17))).toBe(false);
  });

  it('refuses a hash that scrypt cannot compute within its memory limit, without an error', async () => {
    const hash = handHash('secret', 2, 1, 1);
    // 1 GiB (N = 2^20, r = 8): over the 256 MiB allowed. N = 2^16 with r = 1: refused by scrypt itself.
    expect(await verifyPassword('secret', withPart(withPart(hash, 1, String(2 ** 20)), 2, '8'))).toBe(false);
    expect(await verifyPassword('secret', withPart(hash, 1, String(2 ** 16)))).toBe(false);
  });

  it('refuses a zero parameter (scrypt would take it for its default)', async () => {
    const hash = handHash('secret', 16384, 8, 1);
    expect(await verifyPassword('secret', hash)).toBe(true);
    expect(await verifyPassword('secret', withPart(hash, 1, '0'))).toBe(false);
    expect(await verifyPassword('secret', withPart(hash, 2, '0'))).toBe(false);
    expect(await verifyPassword('secret', withPart(hash, 3, '0'))).toBe(false);
  });

  it('refuses parameters that are not whole powers of two or not numbers', async () => {
    for (const [index, value] of [
      [1, '3'],
      [1, '2.5'],
      [1, 'x'],
      [1, '-2'],
      [2, '1.5'],
      [3, '0.5'],
      [1, String(2 ** 21)],
      [1, '1073741824'],
    ] as const)
      expect(await verifyPassword('secret', withPart(handHash('secret', 2, 1, 1), index, value)), value).toBe(
        false,
      );
  });

  it('refuses a hash that is not ours: another name, too many or too few parts', async () => {
    const hash = handHash('secret', 2, 1, 1);
    expect(await verifyPassword('secret', withPart(hash, 0, 'bcrypt'))).toBe(false);
    expect(await verifyPassword('secret', withPart(hash, 0, 'SCRYPT'))).toBe(false);
    expect(await verifyPassword('secret', `${hash}$more`)).toBe(false);
    expect(await verifyPassword('secret', hash.split('$').slice(0, 5).join('$'))).toBe(false);
    expect(await verifyPassword('secret', 'plain-text')).toBe(false);
    expect(await verifyPassword('secret', '')).toBe(false);
  });

  it('refuses an empty salt and a key shorter than 16 bytes', async () => {
    expect(await verifyPassword('secret', handHash('secret', 2, 1, 1, { salt: Buffer.alloc(0) }))).toBe(
      false,
    );
    expect(await verifyPassword('secret', handHash('secret', 2, 1, 1, { salt: Buffer.from('s') }))).toBe(
      true,
    );
    expect(await verifyPassword('secret', handHash('secret', 2, 1, 1, { keyLength: 15 }))).toBe(false);
    expect(await verifyPassword('secret', handHash('secret', 2, 1, 1, { keyLength: 16 }))).toBe(true);
  });
});
