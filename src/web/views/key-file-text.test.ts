import { describe, expect, it } from 'vitest';
import { keyFileText } from './key-file-text.js';

const FRENCH = 'Le texte français tel que le CLI l’écrit.';

describe('keyFileText', () => {
  it('shows the French text as written on a French page', () => {
    expect(keyFileText({ code: 'key-file-unreadable', path: '/srv/ps.key', text: FRENCH }, 'fr')).toBe(
      FRENCH,
    );
  });

  it('says a key file unreadable, not a key (the shop’s or Dolibarr’s), or readable by others, in English', () => {
    expect(keyFileText({ code: 'key-file-unreadable', path: '/srv/ps.key', text: FRENCH }, 'en')).toBe(
      'The key file /srv/ps.key cannot be read: check its path and its permissions.',
    );
    expect(
      keyFileText({ code: 'key-file-invalid', owner: 'shop', path: '/etc/hostname', text: FRENCH }, 'en'),
    ).toBe(
      'The key file /etc/hostname does not hold a webservice key: it must hold the key alone, 32 letters and ' +
        'digits (PrestaShop: Advanced Parameters > Webservice). Check the path; its content was sent nowhere.',
    );
    expect(
      keyFileText({ code: 'key-file-invalid', owner: 'dolibarr', path: 'erp.key', text: FRENCH }, 'en'),
    ).toContain('does not hold a Dolibarr API key');
    expect(keyFileText({ code: 'key-file-open', path: '/srv/ps.key', mode: 0o644, text: FRENCH }, 'en')).toBe(
      'Other users of this computer can read the key file /srv/ps.key (permissions 644): restrict it with ' +
        '“chmod 600 /srv/ps.key”.',
    );
  });
});
