import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { parseErrorRates } from './demo-dolibarr.js';

describe('navette demo-dolibarr', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('serves the simulated Dolibarr over HTTP on 127.0.0.1, printing its URL and key, until Ctrl+C', async () => {
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    const running = main(['node', 'navette', 'demo-dolibarr', '--port', '0', '--latency', '5']);
    await vi.waitFor(() => expect(printed).toContain('DOLAPIKEY'), { timeout: 5000 });
    const url = /(http:\/\/127\.0\.0\.1:\d+\/api\/index\.php)/.exec(printed)?.[1];
    const key = /DOLAPIKEY\) : (\S+)/.exec(printed)?.[1];
    expect(url).toBeDefined();
    expect(key).toBeDefined();
    const answer = await fetch(`${url}/status`, { headers: { DOLAPIKEY: key ?? '' } });
    expect(answer.status).toBe(200);
    expect(
      ((await answer.json()) as { success: { dolibarr_version: string } }).success.dolibarr_version,
    ).toBe('23.0.0-beta');
    expect((await fetch(`${url}/status`)).status).toBe(401);
    process.emit('SIGINT');
    expect(await running).toBe(0);
  });

  it('refuses malformed error rates', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(parseErrorRates('503:0.1,429:0.05')).toEqual({ 503: 0.1, 429: 0.05 });
    expect(parseErrorRates('503=0.1')).toBeUndefined();
    expect(await main(['node', 'navette', 'demo-dolibarr', '--errors', 'often'])).toBe(2);
  });
});
