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
import { DataTable, type Column } from './data-table.js';
import { Layout, Notice, type PageContext } from './layout.js';
import { OutcomeTable } from './outcome-table.js';
import { fatalText } from './failure-text.js';
import { journalEntryText } from './outcome-reason-text.js';
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

/**
 * What the run cost the GesCom: Dolibarr's calls, in all and by resource; for the embedded GesCom, that
 * it cost none (it is in navette's database); a dash for runs recorded before it was counted.
 */
function GescomCallFacts(props: { calls: RunSummary['gescomCalls']; t: Translate }) {
  const { calls, t } = props;
  if (calls?.target !== 'dolibarr')
    return (
      <>
        <dt>{t('gescomCalls')}</dt>
        <dd>{calls === undefined ? '—' : t('gescomCallsEmbedded')}</dd>
      </>
    );
  return (
    <>
      <dt>{t('gescomCallsDolibarr')}</dt>
      <dd>{String(calls.total)}</dd>
      <dt>{t('gescomCallsDolibarrByResource')}</dt>
      <dd class="calls-by-resource">{callsByResourceText(calls.byResource) || '—'}</dd>
    </>
  );
}

function triggerName(trigger: RunSummary['trigger'], t: Translate): string {
  return t(TRIGGER_LABELS[trigger]);
}

/** One run a row: when, how started, how it went, its counts, and the way to its details. */
function runColumns(page: PageContext): readonly Column<RunSummary>[] {
  const { t, language } = page;
  return [
    { header: t('startedAt'), cell: (run) => formatDateTime(run.startedAt, language), kind: 'date' },
    {
      header: t('trigger'),
      cell: (run) => (
        <>
          {triggerName(run.trigger, t)}
          {run.dryRun ? ` (${t('dryRun')})` : ''}
        </>
      ),
    },
    { header: t('status'), cell: (run) => <StatusBadge summary={run} t={t} /> },
    { header: t('read'), cell: (run) => String(run.counts.read), kind: 'number' },
    {
      header: t('imported'),
      cell: (run) => String(run.counts.imported + run.counts.upgraded),
      kind: 'number',
    },
    { header: t('skipped'), cell: (run) => String(run.counts.skipped), kind: 'number' },
    { header: t('failed'), cell: (run) => String(run.counts.failed), kind: 'number' },
    { header: t('duration'), cell: (run) => formatDuration(run.durationMs, language) },
    {
      header: t('details'),
      cell: (run) => <a href={`/history/${encodeURIComponent(run.runId)}`}>{t('details')}</a>,
    },
  ];
}

export function HistoryPage(props: {
  page: PageContext;
  runs: readonly RunSummary[];
  offset: number;
  pageSize: number;
}) {
  const { page, runs } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('historyTitle')} active="history">
      <DataTable
        id="runs"
        columns={runColumns(page)}
        rows={runs}
        empty={<Notice kind="warn">{t('historyEmpty')}</Notice>}
      />
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
      {summary.fatal === undefined ? null : (
        <Notice kind="error">{fatalText(summary.fatal, props.journal, language)}</Notice>
      )}
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
          <dd>{formatDuration(summary.durationMs, language)}</dd>
          <dt>{t('stateChangesSent')}</dt>
          <dd>{String(summary.stateChanges.sent)}</dd>
          <dt>{t('webserviceCalls')}</dt>
          <dd>{summary.webserviceCalls === undefined ? '—' : String(summary.webserviceCalls)}</dd>
          <dt>{t('webserviceCallsByResource')}</dt>
          <dd class="calls-by-resource">
            {callsByResourceText(summary.webserviceCallsByResource ?? {}) || '—'}
          </dd>
          <GescomCallFacts calls={summary.gescomCalls} t={t} />
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
              {entry.at.slice(11, 19)} {journalEntryText(entry, t, language)}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
