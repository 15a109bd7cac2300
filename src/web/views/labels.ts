import type { PeriodSettings } from '../../domain/rules.js';
import type { OutcomeStatus, RunSummary, RunTrigger } from '../../domain/import-report.js';
import type { MessageKey } from '../i18n.js';

/**
 * The GesCom's own words — document types and statuses, as Sage 100 shows them — stay in French whatever
 * the UI language: they are what the user finds in the GesCom. Every other word goes through i18n.ts.
 */
export {
  RULE_DOCUMENT_TYPE_NAMES as DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPE_NAMES as DOCUMENT_NAMES,
  DOCUMENT_STATUS_NAMES as DOCUMENT_STATUS_LABELS,
} from '../../domain/labels.js';

/** The types a state rule may create (an Avoir is never created from an order). */
export const RULE_DOCUMENT_TYPES = ['quote', 'order', 'delivery', 'invoice'] as const;

export const OUTCOME_STATUSES: readonly OutcomeStatus[] = [
  'imported',
  'upgraded',
  'skipped',
  'failed',
  'would-import',
  'would-upgrade',
];

export const OUTCOME_LABELS: Readonly<Record<OutcomeStatus, MessageKey>> = {
  imported: 'outcomeImported',
  upgraded: 'outcomeUpgraded',
  skipped: 'outcomeSkipped',
  failed: 'outcomeFailed',
  'would-import': 'outcomeWouldImport',
  'would-upgrade': 'outcomeWouldUpgrade',
};

export const RUN_STATUS_LABELS: Readonly<Record<RunSummary['status'], MessageKey>> = {
  running: 'runRunning',
  succeeded: 'runSucceeded',
  partial: 'runPartial',
  failed: 'runFailedStatus',
};

export const TRIGGER_LABELS: Readonly<Record<RunTrigger, MessageKey>> = {
  cli: 'triggerCli',
  web: 'triggerWeb',
  schedule: 'triggerSchedule',
  demo: 'triggerDemo',
};

export const PERIOD_KEYS: Readonly<Record<PeriodSettings['kind'], MessageKey>> = {
  today: 'periodToday',
  yesterday: 'periodYesterday',
  'last-7-days': 'periodLast7Days',
  'last-30-days': 'periodLast30Days',
  'current-month': 'periodCurrentMonth',
  'previous-month': 'periodPreviousMonth',
  'since-last-import': 'periodSinceLastImport',
  custom: 'periodCustom',
};

export const DATE_FIELD_KEYS: Readonly<Record<PeriodSettings['dateField'], MessageKey>> = {
  order: 'dateFieldOrder',
  invoice: 'dateFieldInvoice',
};
