import type { JournalEntry } from '../../domain/import-report.js';
import type { OrderState } from '../../domain/shop-order.js';
import { stateProgress } from '../../domain/state-progress.js';
import type { MessageKey } from '../i18n.js';
import { formatDateTime } from './format.js';
import { DataTable, type Column } from './data-table.js';
import { journalEntryText } from './outcome-reason-text.js';
import { CsrfField, type PageContext } from './layout.js';

const STEP_LABELS: readonly MessageKey[] = ['stepNotPaid', 'stepPaid', 'stepPreparing', 'stepShipped'];

/**
 * Under the settings of "Mise à jour des Statuts des Commandes": the button that runs the sweep, each shop
 * state's step (what "forward" means, from its PrestaShop flags), and the latest sendings with why a state
 * was not sent.
 */
export function StatusSweepPanel(props: {
  page: PageContext;
  states: readonly OrderState[] | undefined;
  journal: readonly JournalEntry[];
}) {
  const { page, states, journal } = props;
  const { t } = page;
  return (
    <>
      <section class="panel" id="status-sweep" aria-labelledby="status-sweep-title">
        <h2 id="status-sweep-title">{t('sweepTitle')}</h2>
        <p class="help">{t('sweepHelp')}</p>
        <form method="post" action="/status-updates/send">
          <CsrfField token={page.csrfToken} />
          <div class="actions">
            <button type="submit">{t('sweepNow')}</button>
          </div>
        </form>
      </section>
      {states === undefined ? null : (
        <section class="panel" id="status-forward" aria-labelledby="status-forward-title">
          <h2 id="status-forward-title">{t('forwardTitle')}</h2>
          <p class="help">{t('forwardHelp')}</p>
          <DataTable
            columns={forwardColumns(page)}
            // By id, as the state table of the import window lists them.
            rows={states.filter((state) => !state.deleted).toSorted((a, b) => a.id - b.id)}
            rowAttributes={(state) => ({
              'data-state': String(state.id),
              'data-step': String(stateProgress(state)),
            })}
          />
        </section>
      )}
      <section class="panel" id="status-journal" aria-labelledby="status-journal-title">
        <h2 id="status-journal-title">{t('sweepJournalTitle')}</h2>
        <DataTable
          columns={journalColumns(page)}
          rows={journal}
          rowAttributes={(entry) => ({ class: entry.level === 'info' ? '' : 'warn' })}
          empty={<p>{t('sweepJournalEmpty')}</p>}
        />
      </section>
    </>
  );
}

function forwardColumns(page: PageContext): readonly Column<OrderState>[] {
  const { t } = page;
  return [
    { header: t('forwardStep'), cell: (state) => t(STEP_LABELS[stateProgress(state)] ?? 'stepNotPaid') },
    { header: t('colState'), cell: (state) => `${state.name} (${state.id})` },
  ];
}

function journalColumns(page: PageContext): readonly Column<JournalEntry>[] {
  const { t, language } = page;
  return [
    { header: t('colAt'), cell: (entry) => formatDateTime(entry.at, language), kind: 'date' },
    { header: t('colOrder'), cell: (entry) => entry.orderId ?? '' },
    // Entries written before notes were kept have their French message only.
    {
      header: t('colMessage'),
      cell: (entry) => journalEntryText(entry, t, language),
    },
  ];
}
