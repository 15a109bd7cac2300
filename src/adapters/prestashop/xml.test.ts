import { describe, expect, it } from 'vitest';

import { fixtureText } from './testing/recorded-fixtures.js';
import { UnsafeXmlError, xmlToPlain } from './xml.js';

const LIST = '<prestashop><orders><order><id><![CDATA[5]]></id></order></orders></prestashop>';

describe('the XML reader', () => {
  it('reads a PrestaShop answer without any declaration', () => {
    expect(xmlToPlain(`<?xml version="1.0" encoding="UTF-8"?>\n${LIST}`)).toEqual({
      orders: [{ id: '5' }],
    });
  });

  it.each([
    ['a DOCTYPE with an external DTD only', `<!DOCTYPE prestashop SYSTEM "https://attacker.example/x.dtd">`],
    ['a DOCTYPE with a public id', `<!DOCTYPE prestashop PUBLIC "-//X//DTD X//EN" "x.dtd">`],
    ['a bare DOCTYPE', `<!DOCTYPE prestashop>`],
    ['a DOCTYPE with an empty internal subset', `<!DOCTYPE prestashop [ ]>`],
    ['a lower-case doctype', `<!doctype prestashop>`],
  ])('refuses %s, even without entities', (_case, declaration) => {
    expect(() => xmlToPlain(`<?xml version="1.0"?>\n${declaration}\n${LIST}`)).toThrow(UnsafeXmlError);
  });

  it('refuses entity declarations, wherever they stand', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><prestashop><orders>&lol2;</orders></prestashop>`;
    expect(() => xmlToPlain(bomb)).toThrow(UnsafeXmlError);
    expect(() =>
      xmlToPlain(`<prestashop><!ENTITY x SYSTEM "file:///etc/passwd"><orders>&x;</orders></prestashop>`),
    ).toThrow(UnsafeXmlError);
  });

  it('reads a recorded 1.6 answer (no DOCTYPE in any of them)', () => {
    const order = xmlToPlain(fixtureText('1.6.1/test_import_sale_record_5/001_GET_orders_5.response.xml'))[
      'order'
    ] as Record<string, unknown>;
    expect(order['id']).toBe('5');
  });
});
