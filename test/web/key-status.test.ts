import { describe, expect, it } from 'vitest';
import { DEMO_SHOP_URL } from '../../src/app/demo.js';
import { starterConfig } from '../../src/config/defaults.js';
import { keyStatus } from '../../src/web/key-status.js';

describe('the webservice key line', () => {
  it('says the demo shop needs no key, rather than "non définie" in red', () => {
    expect(keyStatus(starterConfig(DEMO_SHOP_URL), {})).toEqual({ source: 'demo' });
  });

  it('still says a real shop without a key is missing one', () => {
    expect(keyStatus(starterConfig('https://shop.example'), {})).toEqual({ source: 'missing' });
    expect(keyStatus(starterConfig('https://shop.example'), { NAVETTE_PS_KEY: 'K' })).toEqual({
      source: 'env',
    });
  });
});
