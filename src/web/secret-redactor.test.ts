import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterConfig } from '../config/defaults.js';
import { validateConfig } from '../config/load-config.js';
import { SecretRedactor } from './secret-redactor.js';

const SHOP_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const FILE_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA543210';

describe('SecretRedactor', () => {
  it('masks the webservice key and the web token wherever they appear', () => {
    const redactor = new SecretRedactor({ NAVETTE_PS_KEY: SHOP_KEY, NAVETTE_WEB_TOKEN: 'token-1234567890' });
    const text = `GET https://shop.example/api/orders?ws_key=${SHOP_KEY} (${SHOP_KEY}) token-1234567890`;
    expect(redactor.leaks(text)).toBe(true);
    const redacted = redactor.redact(text);
    expect(redacted).not.toContain(SHOP_KEY);
    expect(redacted).not.toContain('token-1234567890');
    expect(redacted).toBe('GET https://shop.example/api/orders?ws_key=•••••• (••••••) ••••••');
  });

  it('masks a secret as a page or a URL writes it (HTML-escaped, percent-encoded)', () => {
    const token = 'a&b<c>"d\'e fg';
    const redactor = new SecretRedactor({ NAVETTE_WEB_TOKEN: token });
    for (const written of ['a&amp;b&lt;c&gt;&quot;d&#39;e fg', encodeURIComponent(token), token]) {
      expect(redactor.leaks(`<p>${written}</p>`), written).toBe(true);
      expect(redactor.redact(`<p>${written}</p>`)).toBe('<p>••••••</p>');
    }
  });

  it('leaves ordinary text alone, and ignores values too short to be secrets', () => {
    const redactor = new SecretRedactor({ NAVETTE_PS_KEY: SHOP_KEY, NAVETTE_WEB_TOKEN: 'short' });
    expect(redactor.leaks('a short text')).toBe(false);
    expect(redactor.redact('a short text')).toBe('a short text');
  });

  it('masks values of 8 characters or more, trimmed', () => {
    const redactor = new SecretRedactor({ NAVETTE_PS_KEY: '  abcdefgh\n', NAVETTE_WEB_TOKEN: ' 1234567 ' });
    expect(redactor.redact('[abcdefgh] [ 1234567 ]')).toBe('[••••••] [ 1234567 ]');
    expect(redactor.leaks(' 1234567 ')).toBe(false);
    expect(redactor.leaks('abcdefg')).toBe(false);
    expect(redactor.leaks('xabcdefghx')).toBe(true);
  });

  it('masks a secret as JSON writes it (quotes and backslashes escaped)', () => {
    const token = 'ab"cd\\ef/gh';
    const redactor = new SecretRedactor({ NAVETTE_WEB_TOKEN: token });
    const json = JSON.stringify({ error: `bad token ${token}` });
    expect(redactor.leaks(json)).toBe(true);
    expect(redactor.redact(json)).toBe('{"error":"bad token ••••••"}');
  });

  it('masks the longest secret first, so that one holding another leaves nothing behind', () => {
    const redactor = new SecretRedactor({
      NAVETTE_PS_KEY: 'abcdefgh',
      NAVETTE_WEB_TOKEN: 'abcdefgh-and-more',
    });
    expect(redactor.redact('(abcdefgh-and-more) (abcdefgh)')).toBe('(••••••) (••••••)');
  });

  it('learns the key of the config key file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'navette-redactor-'));
    try {
      const path = join(dir, 'ps.key');
      await writeFile(path, `${FILE_KEY}\n`, { mode: 0o600 });
      const starter = starterConfig('https://shop.example');
      const config = validateConfig({ ...starter, shop: { ...starter.shop, keyFile: path } });
      if (!config.ok) throw new Error('invalid test config');
      const redactor = new SecretRedactor({});
      expect(redactor.leaks(FILE_KEY)).toBe(false);
      await redactor.learn(config.config);
      expect(redactor.redact(`key ${FILE_KEY}.`)).toBe('key ••••••.');
      // A config without the file (or whose file is gone) forgets its key; the env secrets stay.
      const withEnv = new SecretRedactor({ NAVETTE_WEB_TOKEN: 'token-1234567890' });
      await withEnv.learn(config.config);
      await rm(path);
      await withEnv.learn(config.config);
      expect(withEnv.redact(`${FILE_KEY} token-1234567890`)).toBe(`${FILE_KEY} ••••••`);
      const withoutFile = validateConfig(starter);
      if (!withoutFile.ok) throw new Error('invalid test config');
      await redactor.learn(withoutFile.config);
      expect(redactor.leaks(FILE_KEY)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("masks Dolibarr's API key, from the environment or from its key file", async () => {
    const dolibarrKey = 'DOLIBARRKEY00000000000000000000A';
    expect(
      new SecretRedactor({ NAVETTE_DOLIBARR_KEY: dolibarrKey }).redact(`DOLAPIKEY: ${dolibarrKey}`),
    ).toBe('DOLAPIKEY: ••••••');
    const dir = await mkdtemp(join(tmpdir(), 'navette-redactor-'));
    try {
      const path = join(dir, 'dolibarr.key');
      await writeFile(path, `${FILE_KEY}\n`, { mode: 0o600 });
      const starter = starterConfig('https://shop.example');
      const config = validateConfig({
        ...starter,
        gescom: {
          target: 'dolibarr',
          database: 'navette.db',
          dolibarr: { url: 'https://erp.example', keyFile: path },
        },
      });
      if (!config.ok) throw new Error('invalid test config');
      const redactor = new SecretRedactor({});
      await redactor.learn(config.config);
      expect(redactor.redact(`key ${FILE_KEY}.`)).toBe('key ••••••.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
