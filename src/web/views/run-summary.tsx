import type { RunSummary } from '../../domain/import-report.js';
import type { MessageKey, Translate } from '../i18n.js';

const COUNTERS: readonly { key: keyof RunSummary['counts']; label: MessageKey }[] = [
  { key: 'read', label: 'read' },
  { key: 'imported', label: 'imported' },
  { key: 'upgraded', label: 'upgraded' },
  { key: 'skipped', label: 'skipped' },
  { key: 'failed', label: 'failed' },
  { key: 'planned', label: 'planned' },
];

/** The counters of a run; the live page updates the `data-count` cells as events arrive. */
export function RunCounts(props: { summary: Pick<RunSummary, 'counts'>; t: Translate }) {
  return (
    <div class="counters">
      {COUNTERS.map((counter) => (
        <div class="counter">
          <div class="value" data-count={counter.key}>
            {String(props.summary.counts[counter.key])}
          </div>
          <div class="name">{props.t(counter.label)}</div>
        </div>
      ))}
    </div>
  );
}
