import type { Context, Hono } from 'hono';
import { keyStatus } from '../key-status.js';
import { ConnectionPage, type ConnectionTest } from '../views/connection-page.js';
import { FormState } from '../views/form-state.js';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import { errorMessage, pageContext, readForm } from './page-context.js';
import { saveConfigForm } from './save-config-form.js';

/** Runs "Tester la connexion": the version, the shops and the key's permissions, or why it failed. */
export async function testConnection(services: WebServices): Promise<ConnectionTest> {
  try {
    const report = await services.navettes.use((navette) => navette.checkConnection());
    return { ok: true, report };
  } catch (error) {
    return { ok: false, message: services.secrets.redact(errorMessage(error)) };
  }
}

export function registerConnectionRoutes(app: Hono<WebEnv>, services: WebServices): void {
  const render = async (
    c: Context<WebEnv>,
    form: FormState | undefined,
    test: ConnectionTest | undefined,
  ) => {
    const config = await services.configs.current();
    return c.html(
      <ConnectionPage
        page={pageContext(c)}
        form={form ?? FormState.fromConfig(config)}
        keyStatus={keyStatus(config, services.env)}
        saved={c.req.query('saved') === '1'}
        test={test}
      />,
    );
  };

  app.get('/connection', (c) => render(c, undefined, undefined));

  app.post('/connection', async (c) => {
    const result = await saveConfigForm(services, await readForm(c), {
      fields: [
        { path: 'shop.url', kind: 'text' },
        { path: 'shop.keyFile', kind: 'optional-text' },
      ],
    });
    if (result.ok) return c.redirect('/connection?saved=1', 303);
    c.status(422);
    return render(c, result.form, undefined);
  });

  app.post('/connection/test', async (c) => render(c, undefined, await testConnection(services)));
}
