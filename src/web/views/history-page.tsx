import {
  callsByResourceText,
  type JournalEntry,
  type OrderOutcome,
  type OutcomeStatus,
  type RunSummary,
} from '../../domain/import-report.js';
import type { Translate } from '../i18n.js';
import { formatDateTime, formatDuration, formatLocalDate } from './format.js';
import { OUTCOME_LABELS, OUTCOME_STATUSES, RUN_STATUS_LABELS, TRIGGER_LABELS } from './labels.js';
import { Layout, Notice, type PageContext } from './layout.js';
import { OutcomeTable } from './outcome-table.js';
import { RunCounts } from './run-summary.js';

function StatusBadge(props: { summary: RunSummary; t: Translate }) {
  const { status } = props.summary;
  return <span class={`badge ${status}`}>{props.t(RUN_STATUS_LABELS[status])}</span>;
}

/** A preview only says what would be done; a real run only what was done. */
function possibleIn(status: OutcomeStatus, dryRun: boolean): boolean {
  if (status === 'skipped' || status === 'failed') return true;
  return status.startsWith('would-') === dryRun;
}

function triggerName(trigger: RunSummary['trigger'], t: Translate): string {
  return t(TRIGGER_LABELS[trigger]);
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
                  <td class="nowrap">{formatDateTime(run.startedAt, language)}</td>
                  <td>
                    {triggerName(run.trigger, t)}
                    {run.dryRun ? ` (${t('dryRun')})` : ''}
                  </td>
                  <td>
                    <StatusBadge summary={run} t={t} />
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
  outcomes: readonly OrderOutcome[];
  truncated: boolean;
  /** The outcome the list is filtered on, if any. */
  outcome: OutcomeStatus | undefined;
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
            <StatusBadge summary={summary} t={t} />
            {summary.dryRun ? ` (${t('dryRun')})` : ''}
          </dd>
          <dt>{t('trigger')}</dt>
          <dd>{triggerName(summary.trigger, t)}</dd>
          <dt>{t('period')}</dt>
          <dd>
            {summary.period === undefined
              ? '—'
              : `${formatLocalDate(summary.period.from)} → ${formatLocalDate(summary.period.to)}`}
          </dd>
          <dt>{t('duration')}</dt>
          <dd>{formatDuration(summary.durationMs)}</dd>
          <dt>{t('stateChangesSent')}</dt>
          <dd>{String(summary.stateChanges.sent)}</dd>
          <dt>{t('webserviceCalls')}</dt>
          <dd>{summary.webserviceCalls === undefined ? '—' : String(summary.webserviceCalls)}</dd>
          <dt>{t('webserviceCallsByResource')}</dt>
          <dd class="calls-by-resource">
            {callsByResourceText(summary.webserviceCallsByResource ?? {}) || '—'}
          </dd>
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
      <h2>{t('runOrders')}</h2>
      <p class="links" id="outcome-filter">
        <a href={base} aria-current={props.outcome === undefined ? 'true' : undefined}>
          {t('allOutcomes')}
        </a>
        {OUTCOME_STATUSES.filter((status) => possibleIn(status, summary.dryRun)).map((status) => (
          <a href={`${base}?outcome=${status}`} aria-current={props.outcome === status ? 'true' : undefined}>
            {t(OUTCOME_LABELS[status])}
          </a>
        ))}
      </p>
      {props.outcomes.length === 0 ? (
        <p>{props.outcome === 'failed' ? t('noErrors') : t('noOutcomes')}</p>
      ) : (
        <OutcomeTable outcomes={props.outcomes} t={t} language={language} />
      )}
      {props.truncated ? <p class="help">{t('outcomesTruncated')}</p> : null}
      <h2>{t('journal')}</h2>
      {props.journal.length === 0 ? (
        <p id="journal-empty">{t('journalEmpty')}</p>
      ) : (
        <ol class="journal">
          {props.journal.map((entry) => (
            <li class={`journal-${entry.level}`}>
              {entry.at.slice(11, 19)} {entry.message}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
