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

describe('values typed by a person, at their edges', () => {
  it('trims counts and ids, takes 1 as the smallest, and refuses digits mixed with text', () => {
    expect(parsePositiveInteger(' 20 ', '--limit')).toEqual({ ok: true, value: 20 });
    expect(parsePositiveInteger('1', '--limit')).toEqual({ ok: true, value: 1 });
    // `Number` alone would take 1e3 and 0x10.
    for (const bad of ['20abc', 'abc20', '9007199254740993', '1e3', '0x10'])
      expect(refusal(parsePositiveInteger(bad, '--limit'))).toBe(
        `--limit : un nombre entier positif est attendu, par exemple 20 (reçu « ${bad} »).`,
      );
    expect(parseIdList('1', '--shop')).toEqual({ ok: true, value: [1] });
    expect(parseIdList('12,15', '--orders')).toEqual({ ok: true, value: [12, 15] });
    for (const bad of ['', '1a', 'a1', '1,0'])
      expect(refusal(parseIdList(bad, '--orders'))).toBe(
        `--orders : des numéros séparés par des virgules sont attendus, par exemple 1,2 (reçu « ${bad} »).`,
      );
  });

  it('reads days with spaces around, the French way with one or two digits, and refuses text around', () => {
    expect(parseDay(' 2026-11-01 ', 'date')).toEqual({ ok: true, value: '2026-11-01' });
    expect(parseDay(' 10/11/2026 ', 'date')).toEqual({ ok: true, value: '2026-11-10' });
    expect(parseDay('01/02/2026', 'date')).toEqual({ ok: true, value: '2026-02-01' });
    for (const bad of ['x2026-11-01', '2026-11-01x', 'x1/2/2026', '1/2/2026x', '123/2/2026', '1/2/26'])
      expect(refusal(parseDay(bad, 'date'))).toBe(
        `date : une date AAAA-MM-JJ ou JJ/MM/AAAA est attendue, par exemple 2026-11-01 (reçu « ${bad} »).`,
      );
    expect(refusal(parseDay(' 2026-02-30 ', 'date'))).toBe(
      "date : la date 2026-02-30 n'existe pas dans le calendrier.",
    );
    expect(refusal(parseDay('2026-13-01', 'date'))).toMatch(/n'existe pas/);
    expect(refusal(parseDay('2026-00-10', 'date'))).toMatch(/n'existe pas/);
    expect(refusal(parseDay('2026-01-00', 'date'))).toMatch(/n'existe pas/);
    expect(refusal(parseDay('2026-12-32', 'date'))).toMatch(/n'existe pas/);
    expect(parseDay('2026-12-31', 'date').ok).toBe(true);
    // JavaScript reads a year below 100 as 19xx: such a day is refused rather than silently moved.
    expect(refusal(parseDay('0050-01-01', 'date'))).toMatch(/n'existe pas/);
  });

  it('takes an exact shop time up to 23:59:59 and refuses the second after', () => {
    expect(parsePeriod(' 2026-11-01 00:00:00 ', '2026-11-01 23:59:59 ')).toEqual({
      ok: true,
      value: { from: '2026-11-01 00:00:00', to: '2026-11-01 23:59:59' },
    });
    for (const bad of ['2026-11-01 24:00:00', '2026-11-01 23:60:00', '2026-11-01 23:59:60'])
      expect(refusal(parsePeriod(` ${bad} `, '2026-11-02'))).toBe(
        `début de la période : la date ${bad} n'existe pas dans le calendrier.`,
      );
    expect(refusal(parsePeriod('2026-11-01', '2026-02-30 10:00:00'))).toBe(
      "fin de la période : la date 2026-02-30 10:00:00 n'existe pas dans le calendrier.",
    );
    expect(refusal(parsePeriod('2026-11-01', 'demain'))).toMatch(/^fin de la période : une date/);
    expect(refusal(parsePeriod('hier', '2026-11-01'))).toMatch(/^début de la période : une date/);
    expect(refusal(parsePeriod('x2026-11-01 08:00:00', '2026-11-02'))).toMatch(/une date AAAA-MM-JJ/);
    expect(refusal(parsePeriod('2026-11-01 08:00:00x', '2026-11-02'))).toMatch(/une date AAAA-MM-JJ/);
  });

  it('orders the bounds of a period inside one day and across days', () => {
    expect(parsePeriod('2026-11-01', '2026-11-01').ok).toBe(true);
    expect(parsePeriod('2026-11-01 08:00:00', '2026-11-01 08:00:00').ok).toBe(true);
    expect(parsePeriod('2026-11-01', '2026-11-01 08:00:00').ok).toBe(true);
    expect(refusal(parsePeriod('2026-11-01 09:00:00', '2026-11-01 08:00:00'))).toBe(
      "période à l'envers : le début (01/11/2026 09:00) est après la fin (01/11/2026 08:00).",
    );
    expect(refusal(parsePeriod('2026-11-02', '2026-11-01 23:00:00'))).toMatch(/à l'envers/);
    expect(refusal(parsePeriod('2026-11-02 00:00:00', '2026-11-01'))).toMatch(/à l'envers/);
  });

  it('takes names with spaces, dashes and capitals around them, and lists the known ones when refusing', () => {
    expect(parseDocumentType(' Devis ')).toEqual({ ok: true, value: 'quote' });
    expect(parseDocumentType('bon-de-commande')).toEqual({ ok: true, value: 'order' });
    expect(parseDocumentType('ORDER')).toEqual({ ok: true, value: 'order' });
    expect(refusal(parseDocumentType('bonde commande'))).toMatch(/inconnu/);
    expect(parseDocumentStatus('DRAFT')).toEqual({ ok: true, value: 'draft' });
    expect(parseDocumentStatus('SAISI')).toEqual({ ok: true, value: 'draft' });
    expect(refusal(parseDocumentType('bon'))).toMatch(
      /^type de document inconnu « bon » : devis, bon de commande, /,
    );
    expect(refusal(parseDocumentType('bon'))).not.toMatch(/[A-Z]/);
    expect(refusal(parseDocumentStatus('payé'))).toMatch(/^statut de document inconnu « payé » : saisi, /);
    expect(refusal(parseDocumentStatus('payé'))).not.toMatch(/[A-Z]/);
  });

  it('gives a tolerance without its spaces, and says which field refused', () => {
    expect(parseNonNegativeDecimal(' 0.05 ', 'tolérance')).toEqual({ ok: true, value: '0.05' });
    expect(parseNonNegativeDecimal('0', 'tolérance')).toEqual({ ok: true, value: '0' });
    expect(refusal(parseNonNegativeDecimal('-0.01', 'tolérance'))).toBe(
      'tolérance : ne peut pas être négatif (reçu « -0.01 »).',
    );
    expect(refusal(parseNonNegativeDecimal('abc', 'tolérance'))).toBe(
      'tolérance : un nombre décimal est attendu, par exemple 0.05 (reçu « abc »).',
    );
  });

  it('refuses every control character, and only those', () => {
    for (const bad of ['\u0000', '\u001f', '\u007f', '\u0085', '\u009f'])
      expect(refusal(parsePlainText(`A${bad}B`, 'préfixe'))).toBe(
        'préfixe : caractère de contrôle interdit (tabulation, retour à la ligne, échappement…).',
      );
    for (const good of [' ', '~', '\u00a0', 'é'])
      expect(parsePlainText(`A${good}B`, 'préfixe')).toEqual({ ok: true, value: `A${good}B` });
  });
});
