import type { PeriodSettings } from '../../domain/rules.js';
import type { OutcomeStatus } from '../../domain/import-report.js';

/**
 * The words of SPEC §2's window, as French GesCom users know them: they stay in French whatever the UI
 * language (Sage 100 and the connectors they replace speak this way).
 */
export {
  RULE_DOCUMENT_TYPE_NAMES as DOCUMENT_TYPE_LABELS,
  DOCUMENT_STATUS_NAMES as DOCUMENT_STATUS_LABELS,
} from '../../domain/labels.js';

/** The types a state rule may create (an Avoir is never created from an order). */
export const RULE_DOCUMENT_TYPES = ['quote', 'order', 'delivery', 'invoice'] as const;

export const PERIOD_LABELS: Readonly<Record<PeriodSettings['kind'], string>> = {
  today: 'Aujourd’hui',
  yesterday: 'Hier',
  'last-7-days': '7 derniers jours',
  'last-30-days': '30 derniers jours',
  'current-month': 'Mois en cours',
  'previous-month': 'Mois précédent',
  'since-last-import': 'Depuis le dernier import',
  custom: 'Période personnalisée',
};

export const DATE_FIELD_LABELS: Readonly<Record<PeriodSettings['dateField'], string>> = {
  order: 'date de la commande',
  invoice: 'date de la facture',
};

export const NO_STATE_CHANGE = 'Ne pas modifier le statut';

export const OUTCOME_LABELS: Readonly<Record<OutcomeStatus, string>> = {
  imported: 'Importée',
  upgraded: 'Document évolué',
  skipped: 'Ignorée',
  failed: 'En échec',
  'would-import': 'Sera importée',
  'would-upgrade': 'Le document évoluera',
};
