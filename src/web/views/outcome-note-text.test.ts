import { describe, expect, it } from 'vitest';
import {
  OUTCOME_NOTE_CODES,
  outcomeNotes,
  type OutcomeNoteCode,
  type OutcomeNoteData,
} from '../../domain/import-report.js';
import { outcomeNotesText } from './outcome-note-text.js';

const FRENCH = 'La note en français, telle que le CLI l’écrit.';

/** One note of each code, with the values sync/ writes for it. */
const SAMPLES: Readonly<Record<OutcomeNoteCode, OutcomeNoteData['data']>> = {
  'customer-deleted': { accountCode: 'WEB000003' },
  'generic-article': {
    productName: 'Savon de Marseille',
    productReference: 'SAVON-MARS-OLIVE',
    generic: 'DIVERS',
    case: 'unknown',
  },
  'article-created': { reference: 'THE-SENCHA-100G' },
  'product-vat-derived': { productName: 'Thé', productReference: '', shopRate: '20', rate: '5.5' },
  'free-shipping-voucher': { voucher: 'Livraison offerte', shippingIncl: '14.90', currency: 'EUR' },
  'shipping-vat-derived': { shopRate: '20', rate: '10' },
  'rounding-line': {
    differenceExcl: '0.01',
    differenceIncl: '-0.01',
    currency: 'EUR',
    label: 'Écart d’arrondi (TVA 20 %)',
    lineExcl: '0.01',
    lineIncl: '0.01',
    vatRate: '20',
    lineVat: '0.00',
  },
  'vat-rounded': {
    cents: '-0.01',
    currency: 'EUR',
    label: 'Carnet de notes en lin',
    vatRate: '20',
    lineIncl: '12.20',
    before: '12.21',
  },
  'payment-not-recorded': {},
  'payments-shared': { reference: 'XKBKNABJK', paid: '1234.5', total: '20' },
};

const noted = (code: OutcomeNoteCode, data = SAMPLES[code]) => ({
  notes: [FRENCH],
  noteData: [{ code, data }],
});

/** Words only the French notes use. */
const FRENCH_WORDS = /\b(le|la|les|est|sur|dans|boutique|inconnu|arrondi|règlement|TTC|HT)\b/;

describe('outcomeNotesText', () => {
  it.each(OUTCOME_NOTE_CODES.map((code) => [code]))('says a %s note in English from its data', (code) => {
    const [english] = outcomeNotesText(noted(code), 'en');
    expect(english).not.toBe(FRENCH);
    // The GesCom's own line labels and the shop's names stay as written: only navette's words change.
    expect(english?.replace(/“[^”]*”/g, '')).not.toMatch(FRENCH_WORDS);
    expect(outcomeNotesText(noted(code), 'fr')).toEqual([FRENCH]);
  });

  it('writes amounts and rates the English way, differences signed', () => {
    expect(outcomeNotesText(noted('rounding-line'), 'en')).toEqual([
      'Rounding difference with the shop’s totals (+0.01 excl. VAT, -0.01 incl. VAT EUR): line “Écart ' +
        'd’arrondi (TVA 20 %)” of +0.01 excl. VAT, +0.01 incl. VAT (VAT 20%: +0.00).',
    ]);
    expect(outcomeNotesText(noted('payments-shared'), 'en')[0]).toContain('(1,234.50)');
    expect(outcomeNotesText(noted('product-vat-derived'), 'en')).toEqual([
      'Product “Thé” (no reference in the shop): the shop’s VAT rate (20%) does not match its prices; 5.5% ' +
        '(worked out from the prices) is used.',
    ]);
  });

  it('keeps each note in its place, from the data the mapping writes beside the text', () => {
    const outcome = outcomeNotes([
      { code: 'payment-not-recorded', text: 'Aucun règlement…', data: {} },
      { code: 'customer-deleted', text: 'Le client…', data: { accountCode: 'WEB000001' } },
    ]);
    expect(outcomeNotesText(outcome, 'en')).toEqual([
      'No payment recorded in the shop for this paid order: a payment of the total paid is created.',
      'Customer WEB000001 is deleted in the shop; their account is used all the same.',
    ]);
    expect(outcomeNotesText(outcome, 'fr')).toEqual(['Aucun règlement…', 'Le client…']);
    expect(outcomeNotes([])).toEqual({ notes: [] });
  });

  it('shows notes in French when it cannot say them: no data (older runs), a value missing, a later case', () => {
    expect(outcomeNotesText({ notes: [FRENCH] }, 'en')).toEqual([FRENCH]);
    expect(outcomeNotesText(noted('customer-deleted', {}), 'en')).toEqual([FRENCH]);
    expect(outcomeNotesText(noted('vat-rounded', { ...SAMPLES['vat-rounded'], vatRate: 'x' }), 'en')).toEqual(
      [FRENCH],
    );
    expect(
      outcomeNotesText(noted('generic-article', { ...SAMPLES['generic-article'], case: 'later' }), 'en'),
    ).toEqual([FRENCH]);
  });
});
