import type { JournalEntry } from '../../domain/import-report.js';
import type { OrderState } from '../../domain/shop-order.js';
import { stateProgress } from '../../domain/state-progress.js';
import type { MessageKey } from '../i18n.js';
import { formatDateTime } from './format.js';
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
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('forwardStep')}</th>
                  <th scope="col">{t('colState')}</th>
                </tr>
              </thead>
              <tbody>
                {states
                  .filter((state) => !state.deleted)
                  .map((state) => (
                    <tr data-state={state.id} data-step={stateProgress(state)}>
                      <td>{t(STEP_LABELS[stateProgress(state)] ?? 'stepNotPaid')}</td>
                      <td>
                        {state.name} ({state.id})
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section class="panel" id="status-journal" aria-labelledby="status-journal-title">
        <h2 id="status-journal-title">{t('sweepJournalTitle')}</h2>
        {journal.length === 0 ? (
          <p>{t('sweepJournalEmpty')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colAt')}</th>
                  <th scope="col">{t('colOrder')}</th>
                  <th scope="col">{t('colMessage')}</th>
                </tr>
              </thead>
              <tbody>
                {journal.map((entry) => (
                  <tr class={entry.level === 'info' ? '' : 'warn'}>
                    <td class="nowrap">{formatDateTime(entry.at, page.language)}</td>
                    <td>{entry.orderId ?? ''}</td>
                    <td>{entry.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
