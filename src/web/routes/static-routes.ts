import type { Hono } from 'hono';
import { CLIENT_SCRIPT } from '../static/client-script.js';
import { STYLES } from '../static/styles.js';

/** The script and stylesheet, from code strings so that they work from `dist/` without copying files. */
export function registerStaticRoutes(app: Hono): void {
  app.get('/static/app.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(CLIENT_SCRIPT);
  });
  app.get('/static/app.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(STYLES);
  });
}
