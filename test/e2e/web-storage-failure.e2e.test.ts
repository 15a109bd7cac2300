import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebApp } from '../../src/web/create-web-app.js';
import { TestBrowser, createTestApp, createWebFixture, type WebFixture } from '../web/support/web-fixture.js';

describe('the web UI on a GesCom database it cannot open', () => {
  let fixture: WebFixture;
  let app: WebApp;

  beforeEach(async () => {
    fixture = await createWebFixture();
    // Garbage where the database should be: another program's file, or a damaged one.
    await writeFile(join(fixture.dir, 'navette.db'), Buffer.from('not a database '.repeat(600)));
    app = createTestApp(fixture);
  });
  afterEach(async () => {
    await app.shutdown();
    await fixture.cleanup();
  });

  it('shows a page that names the file and what to do, not "see the log"', async () => {
    const browser = new TestBrowser(app);
    expect((await browser.logIn()).status).toBe(303);
    for (const path of ['/documents', '/history']) {
      const response = await browser.get(path);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('Gestion commerciale inaccessible');
      expect(html).toContain(`${join(fixture.dir, 'navette.db')} n&#39;est pas une base`);
      expect(html).toContain('restaurez une sauvegarde');
      expect(html).not.toMatch(/voir le journal|SQLITE_|SqliteError/);
    }
    const api = await browser.get('/api/runs');
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: 'storage-not-a-database' });
  });
});
