import { formatInstant } from './french-format.js';
import { DOCUMENT_TYPE_NAMES } from './labels.js';
import type { DocumentType } from './sales-document.js';

/** A shop state as a note names it: its id always, its name as the shop gave it when known. */
export interface NotedState {
  readonly id: number;
  readonly name?: string;
}

/**
 * What the status sweep says of one order (SPEC §6), as data: the journal keeps it beside its French
 * text, so that each interface says it in its own language (the CLI in French, the web page in the
 * page's language through its catalogue). `document` is the GesCom's document number.
 */
export type StatusNote =
  // Planned by the sweep (status-plan.ts).
  | { readonly code: 'order-missing'; readonly document: string }
  | { readonly code: 'no-state'; readonly document: string; readonly type: DocumentType }
  | {
      readonly code: 'state-requested';
      readonly document: string;
      readonly type: DocumentType;
      readonly state: NotedState;
    }
  | { readonly code: 'already-in-state'; readonly document: string; readonly state: NotedState }
  | { readonly code: 'had-state'; readonly document: string; readonly state: NotedState }
  | { readonly code: 'unknown-state'; readonly document: string; readonly state: NotedState }
  | {
      readonly code: 'backwards';
      readonly document: string;
      readonly state: NotedState;
      readonly step: number;
      readonly current: NotedState;
      readonly currentStep: number;
    }
  | { readonly code: 'tracking-off'; readonly document: string; readonly trackingNumber: string }
  | { readonly code: 'tracking-queued'; readonly document: string; readonly trackingNumber: string }
  | { readonly code: 'tracking-state-requested'; readonly document: string; readonly state: NotedState }
  // Sent from the outbox (write-back.ts).
  | { readonly code: 'state-sent'; readonly state: NotedState }
  | { readonly code: 'state-already'; readonly state: NotedState }
  | { readonly code: 'state-moved'; readonly current: NotedState; readonly expected: NotedState }
  | { readonly code: 'order-gone' }
  | { readonly code: 'tracking-written'; readonly trackingNumber: string }
  | { readonly code: 'tracking-already'; readonly trackingNumber: string }
  | { readonly code: 'tracking-other'; readonly trackingNumber: string; readonly current: string }
  | { readonly code: 'no-shipment'; readonly trackingNumber: string }
  /** `reason`: the shop's or the network's own message, said as it came. */
  | { readonly code: 'send-failed'; readonly reason: string }
  // The first sweep of an installation (status-sweep.ts).
  | { readonly code: 'first-sweep'; readonly from: string };

export type StatusNoteCode = StatusNote['code'];

/** The notes of an outbox entry sent (or not): write-back.ts gives one per entry. */
export type SendNote = Extract<
  StatusNote,
  {
    code:
      | 'state-sent'
      | 'state-already'
      | 'state-moved'
      | 'order-gone'
      | 'tracking-written'
      | 'tracking-already'
      | 'tracking-other'
      | 'no-shipment'
      | 'send-failed';
  }
>;

/** Every code, for the catalogue test: each has its French text here and a message in both web languages. */
export const STATUS_NOTE_CODES: readonly StatusNoteCode[] = [
  'order-missing',
  'no-state',
  'state-requested',
  'already-in-state',
  'had-state',
  'unknown-state',
  'backwards',
  'tracking-off',
  'tracking-queued',
  'tracking-state-requested',
  'state-sent',
  'state-already',
  'state-moved',
  'order-gone',
  'tracking-written',
  'tracking-already',
  'tracking-other',
  'no-shipment',
  'send-failed',
  'first-sweep',
];

const CODES: ReadonlySet<string> = new Set(STATUS_NOTE_CODES);

/** A note read back from storage: an object with a code this version knows. */
export function isStatusNote(value: unknown): value is StatusNote {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    CODES.has((value as { code: string }).code)
  );
}

/** `« Expédié » (4)`, or `4` for a state the shop did not name. */
export function notedStateText(state: NotedState): string {
  return state.name === undefined ? `${state.id}` : `« ${state.name} » (${state.id})`;
}

/** The note in French, as the CLI prints it and the journal stores it beside the data. */
export function frenchStatusNote(note: StatusNote): string {
  const s = notedStateText;
  switch (note.code) {
    case 'order-missing':
      return `${note.document} : la commande n'existe plus dans la boutique : rien n'est envoyé`;
    case 'no-state':
      return `${note.document} : ${DOCUMENT_TYPE_NAMES[note.type]} → « Aucun » : pas de statut à poser`;
    case 'state-requested':
      return `${note.document} : ${DOCUMENT_TYPE_NAMES[note.type]} → état ${s(note.state)} demandé`;
    case 'already-in-state':
      return `${note.document} : la commande est déjà dans l'état ${s(note.state)}`;
    case 'had-state':
      return `${note.document} : la commande a déjà eu l'état ${s(note.state)} (order_histories) : pas renvoyé`;
    case 'unknown-state':
      return `${note.document} : l'état ${note.state.id} n'existe pas dans la boutique : vérifiez le réglage`;
    case 'backwards':
      return `${note.document} : l'état ${s(note.state)} (étape ${note.step}) est en arrière de l'état actuel ${s(note.current)} (étape ${note.currentStep}) : pas envoyé`;
    case 'tracking-off':
      return `${note.document} : numéro de suivi ${note.trackingNumber} non reporté (réglage « Numéro de suivi » désactivé)`;
    case 'tracking-queued':
      return `${note.document} : numéro de suivi ${note.trackingNumber} à écrire là où il est vide`;
    case 'tracking-state-requested':
      return `${note.document} : numéro de suivi → état ${s(note.state)} demandé`;
    case 'state-sent':
      return `envoyé : état ${s(note.state)}`;
    case 'tracking-written':
      return `envoyé : ${frenchSendDetail(note)}`;
    case 'state-already':
    case 'state-moved':
    case 'order-gone':
    case 'tracking-already':
    case 'tracking-other':
    case 'no-shipment':
      return `non envoyé : ${frenchSendDetail(note)}`;
    case 'send-failed':
      return `en échec : ${frenchSendDetail(note)}`;
    case 'first-sweep':
      return `premier passage : seuls les documents transformés depuis le ${formatInstant(note.from, 'fr')} sont pris en compte, les plus anciens sont laissés de côté (réglage « Premier passage »)`;
  }
}

/** What became of one outbox entry, in French without the "envoyé :" of the journal: what the outbox keeps. */
export function frenchSendDetail(note: SendNote): string {
  const s = notedStateText;
  switch (note.code) {
    case 'state-sent':
      return `état ${s(note.state)} envoyé`;
    case 'state-already':
      return `la commande est déjà dans l'état ${s(note.state)}`;
    case 'state-moved':
      return `la commande est passée à l'état ${s(note.current)} depuis sa lecture (attendu ${s(note.expected)}) : rien n'est changé`;
    case 'order-gone':
      return "la commande n'existe plus dans la boutique";
    case 'tracking-written':
      return `numéro de suivi ${note.trackingNumber} écrit sur le transporteur`;
    case 'tracking-already':
      return `le numéro de suivi ${note.trackingNumber} est déjà sur la commande`;
    case 'tracking-other':
      return `la commande a déjà un autre numéro de suivi (${note.current}) : laissé tel quel, le bon de livraison dit ${note.trackingNumber} — vérifiez lequel est le bon`;
    case 'no-shipment':
      return `la commande n'a pas de transporteur (order_carriers) : numéro de suivi ${note.trackingNumber} non écrit`;
    case 'send-failed':
      return note.reason;
  }
}
