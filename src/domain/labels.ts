import type { OutcomeStatus, RunSummary, RunTrigger } from './import-report.js';
import type { DocumentStatus, DocumentType } from './sales-document.js';

/**
 * The words French GesCom users know (Sage 100's), for every screen and report: they stay in French
 * whatever the interface's language.
 */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  quote: 'Devis',
  order: 'Bon de commande',
  delivery: 'Bon de livraison',
  invoice: 'Facture',
  credit_note: 'Avoir',
};

/** SPEC §2's window shows the bon de commande as "Commande". */
export const RULE_DOCUMENT_TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  ...DOCUMENT_TYPE_NAMES,
  order: 'Commande',
};

export const DOCUMENT_STATUS_NAMES: Readonly<Record<DocumentStatus, string>> = {
  draft: 'Saisi',
  confirmed: 'Confirmé',
  accepted: 'Accepté',
};

/** What a run did with an order, as the history, `navette runs` and the CSV report say it. */
export const OUTCOME_STATUS_NAMES: Readonly<Record<OutcomeStatus, string>> = {
  imported: 'Importée',
  upgraded: 'Transformée',
  skipped: 'Ignorée',
  failed: 'En échec',
  'would-import': 'À importer',
  'would-upgrade': 'À transformer',
};

export const RUN_STATUS_NAMES: Readonly<Record<RunSummary['status'], string>> = {
  running: 'En cours',
  succeeded: 'Réussi',
  partial: 'Avec des échecs',
  failed: 'Impossible',
};

export const RUN_TRIGGER_NAMES: Readonly<Record<RunTrigger, string>> = {
  cli: 'ligne de commande',
  web: 'interface web',
  schedule: 'planifié',
  demo: 'démonstration',
};
