import type { StatusNote, StatusNoteCode, NotedState } from '../../domain/status-note.js';
import type { Language, MessageKey, Translate } from '../i18n.js';
import { formatDateTime } from './format.js';
import { DOCUMENT_NAMES } from './labels.js';

const NOTE_KEYS: Readonly<Record<StatusNoteCode, MessageKey>> = {
  'order-missing': 'noteOrderMissing',
  'no-state': 'noteNoState',
  'state-requested': 'noteStateRequested',
  'already-in-state': 'noteAlreadyInState',
  'had-state': 'noteHadState',
  'unknown-state': 'noteUnknownState',
  backwards: 'noteBackwards',
  'tracking-off': 'noteTrackingOff',
  'tracking-queued': 'noteTrackingQueued',
  'tracking-state-requested': 'noteTrackingStateRequested',
  'state-sent': 'noteStateSent',
  'state-already': 'noteStateAlready',
  'state-moved': 'noteStateMoved',
  'order-gone': 'noteOrderGone',
  'tracking-written': 'noteTrackingWritten',
  'tracking-already': 'noteTrackingAlready',
  'tracking-other': 'noteTrackingOther',
  'no-shipment': 'noteNoShipment',
  'send-failed': 'noteSendFailed',
  'first-sweep': 'noteFirstSweep',
};

/** A shop state as the page names it: the shop's own name (not translated: it is the shop's data) and id. */
function stateText(state: NotedState, language: Language): string {
  if (state.name === undefined) return `${state.id}`;
  return language === 'fr' ? `« ${state.name} » (${state.id})` : `“${state.name}” (${state.id})`;
}

/**
 * A status journal note in the page's language, from the catalogue. Document types stay the GesCom's
 * French words (labels.ts); a failure's reason is said as the shop or the network gave it.
 */
export function statusNoteText(note: StatusNote, t: Translate, language: Language): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(note)) {
    if (name === 'code') continue;
    if (typeof value === 'object' && value !== null) values[name] = stateText(value, language);
    else values[name] = value;
  }
  if ('type' in note) values['type'] = DOCUMENT_NAMES[note.type];
  if (note.code === 'first-sweep') values['from'] = formatDateTime(note.from, language);
  return t(NOTE_KEYS[note.code], values);
}
