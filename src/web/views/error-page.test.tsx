import { describe, expect, it } from 'vitest';
import { errorPage, errorTitle } from './error-page.js';

describe('the error page', () => {
  it('is in the language it is given, html lang included', async () => {
    const english = String(await errorPage('en', errorTitle('storage-full', 'en'), 'The disk is full.'));
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Sales management unreachable</h1>');
    const french = String(await errorPage('fr', errorTitle('storage-full', 'fr'), 'Disque plein.'));
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('<h1>Gestion commerciale inaccessible</h1>');
  });

  it('is titled navette for any failure but the GesCom database’s', () => {
    expect(errorTitle('shop-unreachable', 'en')).toBe('navette');
    expect(errorTitle('config-invalid', 'fr')).toBe('navette');
  });
});
