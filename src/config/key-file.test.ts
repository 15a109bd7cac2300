import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { starterConfig } from './defaults.js';
import { DOLIBARR_KEY_FILE, KeyFileFailure, readKeyFile } from './key-file.js';
import { resolveDolibarrKey, resolveShopKey, validateConfig } from './load-config.js';

const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'navette-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function keyFile(content: string | Buffer, mode = 0o600): Promise<string> {
  const path = join(dir, 'key');
  await writeFile(path, content);
  await chmod(path, mode);
  return path;
}

describe('readKeyFile', () => {
  it.each([KEY, `${KEY}\n`, `${KEY}\r\n`])('reads a key file holding %j', async (content) => {
    expect(await readKeyFile(await keyFile(content))).toEqual({ key: KEY, warning: undefined, mode: 0o600 });
  });

  it.each([
    ['a host name', 'my-computer\n'],
    ['an empty file', ''],
    ['31 characters', KEY.slice(1)],
    ['33 characters', `${KEY}6`],
    ['a key with a space', `${KEY.slice(0, 16)} ${KEY.slice(16)}`],
    ['two lines', `${KEY}\n${KEY}\n`],
    ['a key among other text', `key=${KEY}\n`],
    ['a non-ASCII letter', `${KEY.slice(1)}é`],
    ['a private key', `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAA'.repeat(20)}\n`],
  ])('refuses %s with a French message that does not quote it', async (_name, content) => {
    const path = await keyFile(content);
    const failure = readKeyFile(path);
    await expect(failure).rejects.toMatchObject({ code: 'key-file-invalid' });
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain('32 lettres et chiffres');
    expect(message).toContain('PrestaShop : Paramètres avancés > Webservice');
    if (content.trim() !== '') expect(message).not.toContain(content.trim());
  });

  it('refuses a directory, and a missing file as unreadable', async () => {
    await mkdir(join(dir, 'folder'));
    await expect(readKeyFile(join(dir, 'folder'))).rejects.toMatchObject({ code: 'key-file-invalid' });
    await expect(readKeyFile(join(dir, 'none'))).rejects.toMatchObject({ code: 'key-file-unreadable' });
  });

  it('names the file refused apart from its French message, for a page to say it in English', async () => {
    const missing = join(dir, 'none');
    const unreadable = await readKeyFile(missing).catch((error: unknown) => error);
    expect(unreadable).toBeInstanceOf(KeyFileFailure);
    expect(unreadable).toMatchObject({ code: 'key-file-unreadable', path: missing });
    const empty = await keyFile('');
    await expect(readKeyFile(empty, DOLIBARR_KEY_FILE)).rejects.toMatchObject({
      code: 'key-file-invalid',
      path: empty,
    });
  });

  it.each([0o644, 0o640, 0o604])('warns when others can read it (%o)', async (mode) => {
    const path = await keyFile(KEY, mode);
    const { warning } = await readKeyFile(path);
    expect(warning).toContain('chmod 600');
    expect(warning).toContain(path);
  });
});

describe('resolveShopKey', () => {
  const configWith = (path: string) => {
    const starter = starterConfig('https://shop.example');
    const result = validateConfig({ ...starter, shop: { ...starter.shop, keyFile: path } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.config;
  };

  it('sends nothing from a file that is not a key', async () => {
    const path = await keyFile('my-computer\n');
    await expect(resolveShopKey(configWith(path), {})).rejects.toMatchObject({
      code: 'key-file-invalid',
    });
  });

  it('returns the key and tells the warning to the caller', async () => {
    const path = await keyFile(`${KEY}\n`, 0o644);
    const warnings: string[] = [];
    expect(await resolveShopKey(configWith(path), {}, (text) => warnings.push(text))).toBe(KEY);
    expect(warnings).toHaveLength(1);
  });
});

describe('resolveDolibarrKey', () => {
  const configWith = (path: string) => {
    const starter = starterConfig('https://shop.example');
    const result = validateConfig({
      ...starter,
      gescom: { target: 'dolibarr', dolibarr: { url: 'https://erp.example.fr', keyFile: path } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.config;
  };

  it('refuses a file that is not a key by naming Dolibarr’s key, not the shop’s', async () => {
    const path = await keyFile('my-computer\n');
    const failure = resolveDolibarrKey(configWith(path), {});
    await expect(failure).rejects.toMatchObject({ code: 'key-file-invalid' });
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain('clé d’API Dolibarr');
    expect(message).toContain('Utilisateurs & Groupes');
    expect(message).not.toContain('PrestaShop');
    expect(message).not.toContain('webservice');
  });

  it('returns the key of a good file', async () => {
    const path = await keyFile(`${KEY}\n`);
    expect(await resolveDolibarrKey(configWith(path), {})).toBe(KEY);
  });
});
