import { describe, expect, it } from 'vitest';
import {
  parseDay,
  parseDocumentStatus,
  parseDocumentType,
  parseIdList,
  parseNonNegativeDecimal,
  parsePeriod,
  parsePlainText,
  parsePositiveInteger,
} from './input-values.js';

const refusal = (parsed: { ok: boolean; message?: string }) => (parsed.ok ? undefined : parsed.message);

describe('values typed by a person', () => {
  it('reads counts and id lists, and says what it expected otherwise', () => {
    expect(parsePositiveInteger('20', '--limit')).toEqual({ ok: true, value: 20 });
    for (const bad of ['abc', '0', '-3', '2.5', ''])
      expect(refusal(parsePositiveInteger(bad, '--limit'))).toMatch(/^--limit : un nombre entier positif/);
    expect(parseIdList('1, 2,2', '--shop')).toEqual({ ok: true, value: [1, 2] });
    for (const bad of ['abc', '1,,2', '0', '1;2'])
      expect(refusal(parseIdList(bad, '--shop'))).toMatch(/^--shop : des numéros/);
  });

  it('refuses days that do not exist and periods the wrong way round', () => {
    expect(parseDay('2024-02-29', 'date')).toEqual({ ok: true, value: '2024-02-29' });
    expect(refusal(parseDay('2026-13-45', 'date'))).toMatch(/n'existe pas/);
    expect(refusal(parseDay('2026-02-30', 'date'))).toMatch(/n'existe pas/);
    expect(refusal(parseDay('2026/02/01', 'date'))).toMatch(/AAAA-MM-JJ ou JJ\/MM\/AAAA/);
    // The web's date fields are typed the French way.
    expect(parseDay('1/2/2026', 'date')).toEqual({ ok: true, value: '2026-02-01' });
    expect(refusal(parseDay('30/02/2026', 'date'))).toMatch(/n'existe/);
    expect(parsePeriod('2026-11-01', '2026-11-30')).toEqual({
      ok: true,
      value: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(parsePeriod('2026-11-01 08:00:00', '2026-11-01').ok).toBe(true);
    expect(refusal(parsePeriod('2026-11-30', '2026-11-01'))).toMatch(/à l'envers/);
    expect(refusal(parsePeriod('2026-11-01 25:00:00', '2026-11-02'))).toMatch(/n'existe pas/);
  });

  it('takes document types and statuses by their French names, whatever the case and accents', () => {
    expect(parseDocumentType('devis')).toEqual({ ok: true, value: 'quote' });
    expect(parseDocumentType('Bon de commande')).toEqual({ ok: true, value: 'order' });
    expect(parseDocumentType('livraison')).toEqual({ ok: true, value: 'delivery' });
    expect(parseDocumentType('Facture')).toEqual({ ok: true, value: 'invoice' });
    expect(parseDocumentType('bon  de   COMMANDE')).toEqual({ ok: true, value: 'order' });
    expect(parseDocumentType('commande')).toEqual({ ok: true, value: 'order' });
    expect(parseDocumentType('order')).toEqual({ ok: true, value: 'order' });
    expect(parseDocumentType('credit_note')).toEqual({ ok: true, value: 'credit_note' });
    expect(refusal(parseDocumentType('bon'))).toMatch(
      /type de document inconnu « bon » : devis, bon de commande/,
    );
    expect(parseDocumentStatus('saisi')).toEqual({ ok: true, value: 'draft' });
    expect(parseDocumentStatus('CONFIRME')).toEqual({ ok: true, value: 'confirmed' });
    expect(parseDocumentStatus('Accepté')).toEqual({ ok: true, value: 'accepted' });
    expect(refusal(parseDocumentStatus('payé'))).toMatch(/statut de document inconnu/);
  });

  it('refuses a negative tolerance and control characters in a setting', () => {
    expect(parseNonNegativeDecimal('0.05', 'tolérance').ok).toBe(true);
    expect(refusal(parseNonNegativeDecimal('-0.01', 'tolérance'))).toMatch(/négatif/);
    expect(refusal(parseNonNegativeDecimal('abc', 'tolérance'))).toMatch(/nombre décimal/);
    expect(parsePlainText('WEB-', 'préfixe').ok).toBe(true);
    for (const bad of ['A\u001b[31m', 'A\u0007', 'A\tB', 'A\nB'])
      expect(refusal(parsePlainText(bad, 'préfixe'))).toMatch(/caractère de contrôle/);
  });
});
