import type { LiveRunState } from '../run-manager.js';
import { CsrfField, Layout, Notice, type PageContext } from './layout.js';
import { journalEntryText } from './outcome-reason-text.js';
import { RunCounts } from './run-summary.js';

/** "Importer maintenant": the button, and the runs in progress. */
export function ImportNowPage(props: {
  page: PageContext;
  excludedCount: number;
  runningId: string | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('importNowTitle')} active="import-now">
      <p>{t('importNowHelp')}</p>
      {props.excludedCount === 0 ? null : (
        <Notice kind="warn">{t('excludedCount', { count: props.excludedCount })}</Notice>
      )}
      {props.runningId === undefined ? (
        <form method="post" action="/import-now" class="actions">
          <CsrfField token={page.csrfToken} />
          <button type="submit" id="start-import">
            {t('startImport')}
          </button>
        </form>
      ) : (
        <Notice kind="warn">
          {t('running')} <a href={`/import-now/live/${encodeURIComponent(props.runningId)}`}>{t('seeRun')}</a>
        </Notice>
      )}
    </Layout>
  );
}

/** The live page of one run: filled in by the client script from the Server-Sent Events stream. */
export function LiveRunPage(props: { page: PageContext; state: LiveRunState; alreadyRunning: boolean }) {
  const { page, state } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('importNowTitle')} active="import-now">
      {props.alreadyRunning ? <Notice kind="warn">{t('runInProgress')}</Notice> : null}
      <div
        id="live-run"
        data-events-url={`/api/live/${encodeURIComponent(state.id)}/events`}
        data-done-label={t('done')}
        data-failed-label={t('runFailed')}
        data-in-progress-label={t('runInProgress')}
        data-journal-empty-label={t('journalEmpty')}
      >
        <div id="live-banner" class="banner running" role="status" aria-live="polite" tabindex={-1}>
          {t('running')}
        </div>
        <RunCounts summary={state} t={t} />
        <p id="live-current-line" hidden={state.summary !== undefined || state.error !== undefined}>
          <strong>{t('currentOrder')} :</strong> <span id="live-current">{state.currentOrder ?? '—'}</span>
        </p>
        <h2>{t('journal')}</h2>
        <ol class="journal" id="live-journal" aria-live="off">
          {state.journal.map((entry) => (
            <li class={`journal-${entry.level}`}>{journalEntryText(entry, t, page.language)}</li>
          ))}
        </ol>
        <h2>{t('documentsCreated')}</h2>
        <ul id="live-documents">
          {state.documents.map((document) => (
            <li>
              <a href={`/documents/${encodeURIComponent(document.number)}`} data-number={document.number}>
                {document.number}
              </a>{' '}
              — {document.orderReference}
            </li>
          ))}
        </ul>
        <p>
          <a id="live-run-link" href="/history" hidden>
            {t('seeRun')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
