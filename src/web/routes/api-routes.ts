import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { WebEnv } from '../web-env.js';
import type { WebServices } from '../web-services.js';
import type { JournalEntry } from '../../domain/import-report.js';
import { translator, type Language } from '../i18n.js';
import type { LiveMessage } from '../run-manager.js';
import { journalEntryText } from '../views/outcome-reason-text.js';
import { fatalText } from '../views/failure-text.js';
import { keyStatus } from '../key-status.js';
import { testConnection } from './connection-routes.js';
import { withMessageTexts } from '../../app/use-cases/connection-check.js';
import { documentFilter } from './document-filter.js';
import { exclusionKeys } from './import-now-routes.js';
import { readShopData, stateRows } from './shop-data.js';

/**
 * The JSON API the pages use (and scripts with `Authorization: Bearer`). Every route needs a session;
 * every state-changing one the CSRF token in X-CSRF-Token. No answer carries a secret.
 */
export function registerApiRoutes(app: Hono<WebEnv>, services: WebServices): void {
  app.get('/api/status', async (c) => {
    const config = await services.configs.current();
    return c.json({
      shopUrl: config.shop.url,
      key: keyStatus(config, services.env).source,
      runningImport: services.runs.runningId ?? null,
    });
  });

  // The messages as their French texts, as this answer has always given them.
  app.post('/api/connection/test', async (c) => {
    const test = await testConnection(services);
    return c.json(test.ok ? { ...test, report: withMessageTexts(test.report) } : test);
  });

  app.get('/api/states', async (c) => {
    const config = await services.configs.current();
    const data = await readShopData(services, config);
    return c.json({ states: stateRows(config, data), shops: data.shops, shopError: data.error ?? null });
  });

  app.post('/api/runs', (c) => {
    const excluded = c.get('session').excludedOrders;
    const started = services.runs.start({ exclude: exclusionKeys(excluded) });
    if (!started.alreadyRunning) excluded.clear();
    return c.json(
      {
        liveId: started.id,
        alreadyRunning: started.alreadyRunning,
        eventsUrl: `/api/live/${started.id}/events`,
      },
      started.alreadyRunning ? 409 : 202,
    );
  });

  app.get('/api/runs', async (c) => {
    const limit = Math.min(200, Math.max(1, Number.parseInt(c.req.query('limit') ?? '50', 10) || 50));
    const runs = await services.navettes.use((navette) => navette.listRuns({ limit }));
    return c.json({ runs });
  });

  app.get('/api/runs/:runId', async (c) => {
    const runId = c.req.param('runId');
    const found = await services.navettes.use(async (navette) => {
      const summary = await navette.run(runId);
      return summary === undefined ? undefined : { summary, journal: await navette.runJournal(runId) };
    });
    return found === undefined
      ? c.json({ error: 'not-found', message: 'Import inconnu.' }, 404)
      : c.json(found);
  });

  app.get('/api/live/:id/events', (c) => {
    const live = services.runs.get(c.req.param('id'));
    if (live === undefined) return c.json({ error: 'not-found', message: 'Import inconnu.' }, 404);
    const language = c.get('language');
    return streamSSE(c, async (stream) => {
      let writing = Promise.resolve();
      const ended = new Promise<void>((resolve) => {
        const send = (message: LiveMessage) => {
          const data = JSON.stringify(withJournalText(message, language));
          writing = writing.then(() =>
            stream.writeSSE({ event: message.type, data: services.secrets.redact(data) }),
          );
          if (message.type === 'done' || (message.type === 'snapshot' && live.done)) resolve();
        };
        const unsubscribe = live.subscribe(send);
        stream.onAbort(() => {
          unsubscribe();
          resolve();
        });
      });
      await ended;
      await writing;
    });
  });

  app.get('/api/documents', async (c) => {
    const filter = documentFilter((name) => c.req.query(name));
    const offset = Math.max(0, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0);
    const result = await services.navettes.use((navette) =>
      navette.listDocuments({ ...filter, limit: 100, offset }),
    );
    return c.json(result);
  });

  app.get('/api/documents/:number', async (c) => {
    const document = await services.navettes.use((navette) => navette.document(c.req.param('number')));
    return document === undefined
      ? c.json({ error: 'not-found', message: 'Document introuvable.' }, 404)
      : c.json({ document });
  });
}

/** The live journal's lines and the run's fatal message with their `text` in the session's language (the page shows it). */
function withJournalText(message: LiveMessage, language: Language): LiveMessage {
  const t = translator(language);
  const described = (entry: JournalEntry) => ({ ...entry, text: journalEntryText(entry, t, language) });
  switch (message.type) {
    case 'journal':
      return { ...message, entry: described(message.entry) };
    case 'snapshot':
    case 'done': {
      const { summary, journal } = message.state;
      // The fatal message too, from the values its journal line keeps (the page shows its `text`).
      const fatal = summary?.fatal && { ...summary.fatal, text: fatalText(summary.fatal, journal, language) };
      return {
        ...message,
        state: {
          ...message.state,
          journal: journal.map(described),
          summary: summary && fatal ? { ...summary, fatal } : summary,
        },
      };
    }
    default:
      return message;
  }
}
