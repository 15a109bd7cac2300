import { describe, expect, it } from 'vitest';
import { LANGUAGES, messageCatalogue } from '../../src/web/i18n.js';

/** The web UI's one catalogue: every key in every language, and a real translation, not a copy. */
describe('the web message catalogue', () => {
  const catalogues = LANGUAGES.map((language) => [language, messageCatalogue(language)] as const);
  const keys = new Set(catalogues.flatMap(([, catalogue]) => Object.keys(catalogue)));

  it('has every key in every language, never empty', () => {
    const missing = catalogues.flatMap(([language, catalogue]) =>
      [...keys]
        .filter((key) => ((catalogue as Readonly<Record<string, string>>)[key]?.trim() ?? '') === '')
        .map((key) => `${language}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives each message the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const [[, fr], [, en]] = catalogues as unknown as [
      [string, Record<string, string>],
      [string, Record<string, string>],
    ];
    const differing = [...keys].filter(
      (key) => JSON.stringify(placeholders(fr[key] ?? '')) !== JSON.stringify(placeholders(en[key] ?? '')),
    );
    expect(differing).toEqual([]);
  });

  it('translates: an English message equal to the French one is a known same word', () => {
    // Words spelt the same in both languages, or the GesCom's French words kept on purpose (SPEC §2).
    const sameInBoth = new Set([
      'navDocuments',
      'date',
      'document',
      'type',
      'mode',
      'colId',
      'paymentJournal',
      'timePlaceholder',
      'documentCount',
      'statusOnOrder',
      'statusOnDelivery',
      'statusOnInvoice',
      'articles',
      'article',
      'notes',
    ]);
    const fr = messageCatalogue('fr');
    const en = messageCatalogue('en');
    const copied = Object.keys(fr).filter(
      (key) => fr[key as keyof typeof fr] === en[key as keyof typeof en] && !sameInBoth.has(key),
    );
    expect(copied).toEqual([]);
  });
});
