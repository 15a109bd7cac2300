import type { ReasonData, SkipCode as OutcomeSkipCode } from '../domain/import-report.js';
import type { ImportRules, StateRule } from '../domain/rules.js';
import {
  type DocumentStatus,
  type DocumentSummary,
  type DocumentType,
  documentRank,
} from '../domain/sales-document.js';
import { DOCUMENT_STATUS_NAMES, DOCUMENT_TYPE_NAMES } from '../domain/labels.js';
import type { OrderState, ShopOrder } from '../domain/shop-order.js';
import type { LedgerEntry } from '../ports/sync-store.js';

/**
 * What to do with one order read from the shop (SPEC §3 step 2, §3.2, §3.3): import it, upgrade the
 * document it already has, cancel that document, or skip it with a reason a person can read. Pure:
 * the ledger entry and the GesCom's document are looked up by the caller.
 */

/** The document an order already has, as far as the decision needs it. */
export interface ExistingDocument {
  readonly number: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly cancelled: boolean;
}

/** The skips a decision makes (`excluded` is the aperçu's, decided before). */
export type SkipCode = Exclude<OutcomeSkipCode, 'excluded'>;

export type Decision =
  | { readonly action: 'import'; readonly rule: StateRule }
  | {
      readonly action: 'upgrade';
      readonly from: ExistingDocument;
      readonly into: { readonly type: DocumentType; readonly status: DocumentStatus };
      readonly reason: string;
      readonly data: ReasonData;
    }
  | {
      readonly action: 'cancel-draft';
      readonly document: ExistingDocument;
      readonly reason: string;
      readonly data: ReasonData;
    }
  | {
      readonly action: 'skip';
      readonly code: SkipCode;
      readonly reason: string;
      /** The values of `reason`, for a page in another language; `case` names its wording. */
      readonly data: ReasonData;
      readonly document?: ExistingDocument;
    };

export interface DecideInput {
  /** Only its state decides: a slim page of orders is enough. */
  readonly order: Pick<ShopOrder, 'state'>;
  /** The state table's rule for the order's current state; undefined when the table has no row for it. */
  readonly rule: StateRule | undefined;
  /** The import ledger's entry for the order, if any. */
  readonly ledgerEntry: LedgerEntry | undefined;
  /** The newest document of the order's chain found in the GesCom by its external key, if any. */
  readonly head: DocumentSummary | undefined;
  readonly config: Pick<ImportRules, 'document'>;
}

/** `bon de commande`, in a sentence. */
const lowerTypeName = (type: DocumentType): string => DOCUMENT_TYPE_NAMES[type].toLowerCase();

const FEMININE: ReadonlySet<DocumentType> = new Set(['invoice']);

/** `un devis`, `une facture`. */
function aType(type: DocumentType): string {
  return `${FEMININE.has(type) ? 'une' : 'un'} ${lowerTypeName(type)}`;
}

/** `le devis DE00001`, `la facture FA00001`. */
function theDocument(document: ExistingDocument): string {
  return `${FEMININE.has(document.type) ? 'la' : 'le'} ${lowerTypeName(document.type)} ${document.number}`.trim();
}

/** `devis DE00001`. */
function named(document: ExistingDocument): string {
  return `${lowerTypeName(document.type)} ${document.number}`.trim();
}

/**
 * Orders cancelled or refunded in the shop. Ids differ between shops, so the state is recognised by its
 * mail template (`order_canceled`, `refund`: PrestaShop's PS_OS_CANCELED and PS_OS_REFUND, the same
 * from 1.6 to 9), and for a custom state without a template, by its name. Being unpaid or not
 * "logable" is not enough: a cheque awaiting payment is both.
 */
export function isCancellationState(state: OrderState): boolean {
  const template = state.template.trim().toLowerCase();
  if (template === 'order_canceled' || template === 'refund') return true;
  if (template !== '') return false;
  return /\b(annul|rembours|cancel|refund)/i.test(state.name);
}

/** The document the order already has: the GesCom's (it knows later transformations), else the ledger's. */
function existingDocument(
  input: DecideInput,
  head: DocumentSummary | undefined,
): ExistingDocument | undefined {
  if (head) return { number: head.number, type: head.type, status: head.status, cancelled: head.cancelled };
  const entry = input.ledgerEntry;
  if (entry)
    return {
      number: entry.documentNumber,
      type: entry.documentType,
      status: entry.documentStatus,
      cancelled: false,
    };
  return undefined;
}

export function decide(input: DecideInput): Decision {
  const { order, rule, config, head } = input;
  const existing = existingDocument(input, head);
  const stateName = `« ${order.state.name} » (${order.state.id})`;
  const state = { stateName: order.state.name, stateId: order.state.id };
  const about = (document: ExistingDocument) => ({
    documentType: document.type,
    documentNumber: document.number,
    documentStatus: document.status,
  });

  if (existing && isCancellationState(order.state)) {
    if (existing.cancelled)
      return {
        action: 'skip',
        code: 'cancelled-in-shop',
        reason: `Commande ${stateName} dans la boutique ; ${theDocument(existing)} est déjà annulé(e).`,
        data: { case: 'already-cancelled', ...state, ...about(existing) },
        document: existing,
      };
    const canCancel =
      config.document.cancelDraftWhenOrderCancelled && existing.status === 'draft' && head !== undefined;
    if (canCancel)
      return {
        action: 'cancel-draft',
        document: existing,
        reason: `Commande ${stateName} dans la boutique : ${theDocument(existing)}, encore à l'état Saisi, est annulé(e).`,
        data: { case: 'draft-cancelled', ...state, ...about(existing) },
      };
    const [why, whyCase] =
      existing.status !== 'draft'
        ? [
            `il est à l'état ${DOCUMENT_STATUS_NAMES[existing.status]} : à traiter dans la gestion commerciale (avoir, annulation).`,
            'not-draft',
          ]
        : config.document.cancelDraftWhenOrderCancelled
          ? ["il n'a pas été retrouvé dans la gestion commerciale.", 'not-found']
          : ["l'annulation automatique des documents Saisis n'est pas activée.", 'auto-cancel-off'];
    return {
      action: 'skip',
      code: 'cancelled-in-shop',
      reason: `Commande ${stateName} dans la boutique après son import en ${named(existing)} ; ${why}`,
      data: { case: whyCase, ...state, ...about(existing) },
      document: existing,
    };
  }

  if (!rule?.selected)
    return {
      action: 'skip',
      code: 'state-not-selected',
      reason: existing
        ? `Déjà importée en ${named(existing)} ; son statut actuel ${stateName} n'est pas sélectionné.`
        : `Le statut ${stateName} n'est pas sélectionné dans « Import des commandes ».`,
      data: existing ? { case: 'imported', ...state, ...about(existing) } : state,
      ...(existing && { document: existing }),
    };

  if (!existing) return { action: 'import', rule };

  const already = `Déjà importée en ${named(existing)}`;
  const skip = (reason: string, why: string): Decision => ({
    action: 'skip',
    code: 'already-imported',
    reason,
    data: { case: why, ...state, ...about(existing), wantedType: rule.documentType },
    document: existing,
  });
  if (existing.cancelled)
    return skip(`${already}, annulé dans la gestion commerciale : elle n'est pas réimportée.`, 'cancelled');

  const wanted = documentRank(rule.documentType);
  const have = documentRank(existing.type);
  if (wanted === have) return skip(`${already}.`, 'same');
  if (wanted < have)
    return skip(
      `${already} ; le statut ${stateName} demande ${aType(rule.documentType)}, ` +
        'mais un document ne revient jamais en arrière.',
      'backwards',
    );
  if (!config.document.upgradeOnStateChange)
    return skip(
      `${already} ; le statut ${stateName} demande ${aType(rule.documentType)}, mais ` +
        "« Faire évoluer le document quand le statut de la commande change » n'est pas activé.",
      'upgrade-off',
    );
  if (head === undefined)
    return skip(
      `${already} d'après le journal des imports, mais le document est introuvable dans la gestion ` +
        `commerciale : il ne peut pas être transformé en ${lowerTypeName(rule.documentType)}.`,
      'not-found',
    );
  return {
    action: 'upgrade',
    from: existing,
    into: { type: rule.documentType, status: rule.documentStatus },
    reason:
      `Statut ${stateName} : ${theDocument(existing)} devient ${aType(rule.documentType)} ` +
      `(${DOCUMENT_STATUS_NAMES[rule.documentStatus]}).`,
    data: {
      case: 'upgrade',
      ...state,
      ...about(existing),
      intoType: rule.documentType,
      intoStatus: rule.documentStatus,
    },
  };
}
