import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../domain/import-report.js';
import { translator } from '../i18n.js';
import { journalEntryText, outcomeReasonText } from './outcome-reason-text.js';

const FRENCH = 'Le texte français tel que le CLI l’écrit.';

describe('outcomeReasonText', () => {
  it('says a reason in English from its code and data, and in French as written', () => {
    const outcome = {
      code: 'article-unknown',
      reason: FRENCH,
      reasonData: { productName: 'Savon', productReference: 'SAVON-1' },
    } as const;
    expect(outcomeReasonText(outcome, 'en')).toBe(
      'Product “Savon” (reference SAVON-1) is not an article of the GesCom. Create the article in the GesCom ' +
        '(or give the product a reference in the shop), or choose the generic article for unknown articles in ' +
        'the settings.',
    );
    expect(outcomeReasonText(outcome, 'fr')).toBe(FRENCH);
  });

  it('writes amounts the English way, differences signed', () => {
    const text = outcomeReasonText(
      {
        code: 'totals-mismatch',
        reason: FRENCH,
        reasonData: {
          shopExcl: '1234.50',
          shopIncl: '25.16',
          documentExcl: '21.93',
          documentIncl: '25.17',
          differenceExcl: '0.01',
          differenceIncl: '-0.01',
          currency: 'EUR',
          tolerance: '0.00',
        },
      },
      'en',
    );
    expect(text).toContain('shop 1,234.50 excl. VAT / 25.16 incl. VAT, document 21.93 excl. VAT');
    expect(text).toContain('(difference +0.01 excl. VAT, -0.01 incl. VAT EUR; tolerance 0.00)');
  });

  it('says a refusal of Dolibarr’s by its wording, Dolibarr’s own words quoted', () => {
    const outcome = {
      code: 'gescom-refused',
      reason: FRENCH,
      reasonData: {
        case: 'data-refused',
        method: 'POST',
        endpoint: 'thirdparties',
        detail: 'Error ErrorBadCustomerCodeSyntax',
      },
    } as const;
    expect(outcomeReasonText(outcome, 'en')).toBe(
      'Dolibarr refuses the data of POST thirdparties and says: “Error ErrorBadCustomerCodeSyntax”. Correct ' +
        'the record at fault (in the shop or in Dolibarr), then run the import again.',
    );
    expect(outcomeReasonText(outcome, 'fr')).toBe(FRENCH);
    // A refusal without data (the embedded GesCom's, or kept before data was), or of a wording this
    // version does not know: the French text.
    expect(outcomeReasonText({ code: 'gescom-refused', reason: FRENCH }, 'en')).toBe(FRENCH);
    expect(
      outcomeReasonText({ code: 'gescom-refused', reason: FRENCH, reasonData: { case: 'new' } }, 'en'),
    ).toBe(FRENCH);
  });

  it('falls back on the French text rather than saying nothing', () => {
    // No data (a reason kept before it was, a GesCom's own refusal), a code not rendered, a value missing.
    expect(outcomeReasonText({ code: 'no-lines', reason: FRENCH }, 'en')).toBe(FRENCH);
    expect(outcomeReasonText({ code: 'gescom-refused', reason: FRENCH, reasonData: {} }, 'en')).toBe(FRENCH);
    expect(outcomeReasonText({ code: 'article-unknown', reason: FRENCH, reasonData: {} }, 'en')).toBe(FRENCH);
    expect(
      outcomeReasonText(
        { code: 'already-imported', reason: FRENCH, reasonData: { case: 'a wording of a later version' } },
        'en',
      ),
    ).toBe(FRENCH);
    expect(outcomeReasonText({ code: undefined, reason: undefined }, 'en')).toBe('');
  });

  it('says an upgrade, which has no code, from its data', () => {
    const upgrade = {
      code: undefined,
      reason: FRENCH,
      reasonData: {
        case: 'upgrade',
        stateName: 'Paiement accepté',
        stateId: 2,
        documentType: 'quote',
        documentNumber: 'DE00001',
        documentStatus: 'draft',
        intoType: 'order',
        intoStatus: 'confirmed',
      },
    } as const;
    expect(outcomeReasonText(upgrade, 'en')).toBe(
      'State “Paiement accepté” (2): Devis DE00001 becomes a Bon de commande (Confirmé).',
    );
    expect(outcomeReasonText(upgrade, 'fr')).toBe(FRENCH);
    expect(outcomeReasonText({ ...upgrade, reasonData: { case: 'upgrade' } }, 'en')).toBe(FRENCH);
  });

  it('names the shop’s state and the GesCom’s document as they are', () => {
    expect(
      outcomeReasonText(
        {
          code: 'already-imported',
          reason: FRENCH,
          reasonData: {
            case: 'backwards',
            stateName: 'En attente du paiement par chèque',
            stateId: 1,
            documentType: 'order',
            documentNumber: 'BC00012',
            documentStatus: 'confirmed',
            wantedType: 'quote',
          },
        },
        'en',
      ),
    ).toBe(
      'Already imported as Bon de commande BC00012; state “En attente du paiement par chèque” (1) asks for a ' +
        'Devis, but a document never goes back.',
    );
  });
});

describe('journalEntryText', () => {
  const entry = (fields: Partial<JournalEntry>): JournalEntry => ({
    at: '2026-12-01T10:00:00.000Z',
    level: 'info',
    message: 'Statut de la commande 2 : état 3 envoyé',
    shopId: 1,
    orderId: 2,
    ...fields,
  });

  it('says an import journal’s notes in English, and keeps the French message on a French page', () => {
    const sent = entry({
      note: { code: 'order-state', orderId: 2, sent: { code: 'state-sent', state: { id: 3 } } },
    });
    expect(journalEntryText(sent, translator('en'), 'en')).toBe('State of order 2: sent: state 3');
    expect(journalEntryText(sent, translator('fr'), 'fr')).toBe('Statut de la commande 2 : état 3 envoyé');
    const failed = entry({
      level: 'error',
      message: `ABC (n° 7) : ${FRENCH}`,
      note: {
        code: 'order-failed',
        reference: 'ABC',
        orderId: 7,
        reasonCode: 'unknown-currency',
        reason: FRENCH,
        reasonData: { currencyId: 98 },
      },
    });
    expect(journalEntryText(failed, translator('en'), 'en')).toBe(
      'ABC (no. 7): The order’s currency (id 98) is unknown to the shop.'.replace('’', "'"),
    );
    expect(journalEntryText(failed, translator('fr'), 'fr')).toBe(`ABC (n° 7) : ${FRENCH}`);
  });

  it('shows an entry without a note as written', () => {
    expect(journalEntryText(entry({ message: 'Lecture' }), translator('en'), 'en')).toBe('Lecture');
  });
});
