import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/web/auth/password.js';

describe('web password', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('mot de passe à retenir');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('mot de passe');
    expect(await verifyPassword('mot de passe à retenir', hash)).toBe(true);
    expect(await verifyPassword('mot de passe a retenir', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses malformed or tampered hashes', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==')).toBe(false);
  });
});
