import type { JournalEntry, OrderOutcome, RunSummary } from '../../domain/import-report.js';
import { formatDateTime, formatDuration } from './format.js';
import { Layout, Notice, type PageContext } from './layout.js';
import { OutcomeTable } from './outcome-table.js';
import { RunCounts } from './run-summary.js';

function StatusBadge(props: { summary: RunSummary }) {
  return <span class={`badge ${props.summary.status}`}>{props.summary.status}</span>;
}

export function HistoryPage(props: {
  page: PageContext;
  runs: readonly RunSummary[];
  offset: number;
  pageSize: number;
}) {
  const { page, runs } = props;
  const { t, language } = page;
  return (
    <Layout page={page} title={t('historyTitle')} active="history">
      {runs.length === 0 ? (
        <Notice kind="warn">{t('historyEmpty')}</Notice>
      ) : (
        <div class="table-wrap">
          <table id="runs">
            <thead>
              <tr>
                <th scope="col">{t('startedAt')}</th>
                <th scope="col">{t('trigger')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" class="num">
                  {t('read')}
                </th>
                <th scope="col" class="num">
                  {t('imported')}
                </th>
                <th scope="col" class="num">
                  {t('skipped')}
                </th>
                <th scope="col" class="num">
                  {t('failed')}
                </th>
                <th scope="col">{t('duration')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr>
                  <td>{formatDateTime(run.startedAt, language)}</td>
                  <td>
                    {run.trigger}
                    {run.dryRun ? ` (${t('dryRun')})` : ''}
                  </td>
                  <td>
                    <StatusBadge summary={run} />
                  </td>
                  <td class="num">{String(run.counts.read)}</td>
                  <td class="num">{String(run.counts.imported + run.counts.upgraded)}</td>
                  <td class="num">{String(run.counts.skipped)}</td>
                  <td class="num">{String(run.counts.failed)}</td>
                  <td>{formatDuration(run.durationMs)}</td>
                  <td>
                    <a href={`/history/${encodeURIComponent(run.runId)}`}>{t('details')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="pager">
        {props.offset > 0 ? (
          <a href={`/history?offset=${Math.max(0, props.offset - props.pageSize)}`}>{t('previous')}</a>
        ) : null}
        {runs.length === props.pageSize ? (
          <a href={`/history?offset=${props.offset + props.pageSize}`}>{t('next')}</a>
        ) : null}
      </div>
    </Layout>
  );
}

export function RunPage(props: {
  page: PageContext;
  summary: RunSummary;
  journal: readonly JournalEntry[];
  failed: readonly OrderOutcome[];
}) {
  const { page, summary } = props;
  const { t, language } = page;
  const base = `/history/${encodeURIComponent(summary.runId)}`;
  return (
    <Layout
      page={page}
      title={`${t('historyTitle')} — ${formatDateTime(summary.startedAt, language)}`}
      active="history"
    >
      {summary.fatal === undefined ? null : <Notice kind="error">{summary.fatal.message}</Notice>}
      <div class="panel">
        <dl class="facts">
          <dt>{t('status')}</dt>
          <dd>
            <StatusBadge summary={summary} />
            {summary.dryRun ? ` (${t('dryRun')})` : ''}
          </dd>
          <dt>{t('trigger')}</dt>
          <dd>{summary.trigger}</dd>
          <dt>{t('period')}</dt>
          <dd>{summary.period === undefined ? '—' : `${summary.period.from} → ${summary.period.to}`}</dd>
          <dt>{t('duration')}</dt>
          <dd>{formatDuration(summary.durationMs)}</dd>
          <dt>{t('stateChangesSent')}</dt>
          <dd>{String(summary.stateChanges.sent)}</dd>
          <dt>{t('webserviceCalls')}</dt>
          <dd>{summary.webserviceCalls === undefined ? '—' : String(summary.webserviceCalls)}</dd>
        </dl>
        <div class="links">
          <a href={`${base}/report.json`} download>
            {t('downloadJson')}
          </a>
          <a href={`${base}/report.csv`} download>
            {t('downloadCsv')}
          </a>
        </div>
      </div>
      <RunCounts summary={summary} t={t} />
      <h2>{t('errorLog')}</h2>
      {props.failed.length === 0 ? (
        <p>{t('noErrors')}</p>
      ) : (
        <OutcomeTable outcomes={props.failed} t={t} language={language} />
      )}
      <h2>{t('journal')}</h2>
      <ol class="journal">
        {props.journal.map((entry) => (
          <li class={`journal-${entry.level}`}>
            {entry.at.slice(11, 19)} {entry.message}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
