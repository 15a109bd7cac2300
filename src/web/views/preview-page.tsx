import type { OrderOutcome, RunSummary } from '../../domain/import-report.js';
import { CsrfField, Layout, Notice, type PageContext } from './layout.js';
import { OutcomeTable } from './outcome-table.js';
import { RunCounts } from './run-summary.js';

/** The aperçu: a dry run's outcomes, with a checkbox per order to leave some out of the next run. */
export function PreviewPage(props: {
  page: PageContext;
  summary: RunSummary | undefined;
  outcomes: readonly OrderOutcome[];
  truncated: boolean;
  excluded: ReadonlySet<string>;
  message: { kind: 'ok' | 'warn' | 'error'; text: string } | undefined;
}) {
  const { page, summary } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('previewTitle')} active="preview">
      <p>{t('previewHelp')}</p>
      {props.message === undefined ? null : <Notice kind={props.message.kind}>{props.message.text}</Notice>}
      <form method="post" action="/preview/run" class="actions">
        <CsrfField token={page.csrfToken} />
        <button type="submit" id="run-preview">
          {t('runPreview')}
        </button>
      </form>
      {summary === undefined ? null : (
        <>
          <RunCounts summary={summary} t={t} />
          {props.outcomes.length === 0 ? (
            <Notice kind="warn">{t('previewEmpty')}</Notice>
          ) : (
            <form method="post" action="/preview/selection">
              <CsrfField token={page.csrfToken} />
              <OutcomeTable
                outcomes={props.outcomes}
                t={t}
                language={page.language}
                selectable={{ excluded: props.excluded }}
              />
              {props.truncated ? <p class="help">…</p> : null}
              <div class="actions">
                <button type="submit">{t('saveSelection')}</button>
                <a class="button secondary" href="/import-now">
                  {t('navImportNow')}
                </a>
              </div>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}
