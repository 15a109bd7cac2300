import { dirname, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { KeyFileFailure, readKeyFile } from '../../config/key-file.js';
import { keyStatus } from '../key-status.js';
import { ConnectionPage, type ConnectionTest, type KeyFileNotice } from '../views/connection-page.js';
import { keyFileText } from '../views/key-file-text.js';
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

/**
 * What is wrong with a key file, as the connection page says it: refused (not a key, unreadable) or a
 * warning (others can read it), with its French text and the values it was written from (for an English
 * page). A relative path is taken from the config file's folder.
 */
async function keyFileNotice(
  services: WebServices,
  keyFile: string | undefined,
): Promise<KeyFileNotice | undefined> {
  if (keyFile === undefined || keyFile.trim() === '') return undefined;
  const path = resolve(dirname(services.configs.path), keyFile.trim());
  try {
    const file = await readKeyFile(path);
    return file.warning === undefined
      ? undefined
      : { kind: 'warn', problem: { code: 'key-file-open', text: file.warning, path, mode: file.mode } };
  } catch (error) {
    if (!(error instanceof KeyFileFailure)) throw error;
    const { message: text } = error;
    return {
      kind: 'error',
      problem:
        error.code === 'key-file-unreadable'
          ? { code: 'key-file-unreadable', text, path: error.path }
          : { code: 'key-file-invalid', text, path: error.path, owner: 'shop' },
    };
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
        keyFileNotice={await keyFileNotice(services, config.shop.keyFile)}
        saved={c.req.query('saved') === '1'}
        test={test}
      />,
    );
  };

  app.get('/connection', (c) => render(c, undefined, undefined));

  app.post('/connection', async (c) => {
    const body = await readForm(c);
    // The key is sent to the shop's URL: only a file that holds a key may be named here.
    const keyFile = await keyFileNotice(services, body['shop.keyFile']?.[0]);
    if (keyFile?.kind === 'error') {
      c.status(422);
      const message = keyFileText(keyFile.problem, pageContext(c).language);
      return render(c, FormState.fromSubmission(body, [{ path: 'shop.keyFile', message }]), undefined);
    }
    const result = await saveConfigForm(services, body, {
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
