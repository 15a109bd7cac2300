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

  it('refuses a body that is not a PrestaShop document', () => {
    expect(() => xmlToPlain('<a>1</a>')).toThrow(
      'XML answer is not a PrestaShop document (no <prestashop> root)',
    );
    expect(() => xmlToPlain('<prestashop/>')).toThrow('no <prestashop> root');
    expect(() => xmlToPlain('<prestashop>text</prestashop>')).toThrow('no <prestashop> root');
    expect(() => xmlToPlain('')).toThrow();
    expect(() => xmlToPlain('<prestashop><a></prestashop>')).toThrow();
  });

  it('refuses a DOCTYPE or an entity declaration with its own error, whatever the case', () => {
    for (const body of [`<!DocType x>${LIST}`, `${LIST}<!entity x "y">`]) {
      expect(() => xmlToPlain(body)).toThrow(
        'XML answer refused: it declares a DOCTYPE or entities (entity expansion is not allowed)',
      );
    }
    expect(new UnsafeXmlError('x').name).toBe('UnsafeXmlError');
  });

  it('keeps the five XML entities, values as text and spaces byte for byte', () => {
    expect(
      xmlToPlain(
        '<prestashop><order><note> a &amp; b &lt;c&gt; &quot;&apos; </note><total>1.50</total></order></prestashop>',
      ),
    ).toEqual({ order: { note: ` a & b <c> "' `, total: '1.50' } });
  });

  it('tells lists from records, as the JSON would give them', () => {
    const plain = xmlToPlain(
      '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">' +
        '<orders><order><id>1</id></order><order><id>2</id></order></orders>' +
        '<order_histories><order_history><id>3</id></order_history></order_histories>' +
        '<customers>  </customers>' +
        '<carriers id="x"/>' +
        '<status>open</status>' +
        '<note></note>' +
        '<order><order>x</order></order>' +
        '<shop><id>4</id></shop>' +
        '<stores><id>5</id><name>A</name></stores>' +
        '<item/><item/>' +
        '<address><address1>1 rue</address1><city>Sarlat</city></address>' +
        '<customer><company>ACME</company></customer>' +
        '</prestashop>',
    );
    expect(plain).toEqual({
      orders: [{ id: '1' }, { id: '2' }],
      order_histories: [{ id: '3' }],
      customers: [],
      carriers: [],
      status: 'open',
      note: '',
      order: { order: 'x' },
      shop: { id: '4' },
      stores: { id: '5', name: 'A' },
      item: ['', ''],
      address: { address1: '1 rue', city: 'Sarlat' },
      customer: { company: 'ACME' },
    });
  });

  it('reads an indented answer as a compact one (the white space between elements is no value)', () => {
    expect(
      xmlToPlain(
        '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n  <orders>\n    <order>\n      <id>1</id>\n    </order>\n  </orders>\n</prestashop>\n',
      ),
    ).toEqual({ orders: [{ id: '1' }] });
  });

  it('reads a list without display as ids, and an element with text and an id as its text', () => {
    expect(
      xmlToPlain(
        '<prestashop><orders><order id="5" xlink:href="x"/><order id="6" xlink:href="y"/></orders>' +
          '<order id="7">seven</order><currency id="1" xlink:href="z"></currency><name lang="fr"/></prestashop>',
      ),
    ).toEqual({ orders: [{ id: '5' }, { id: '6' }], order: 'seven', currency: { id: '1' }, name: '' });
  });

  it('reads a multilingual field as JSON does, with one language or several', () => {
    expect(
      xmlToPlain(
        '<prestashop><currency>' +
          '<name><language id="1">Euro</language><language id="2">Euro (DE)</language></name>' +
          '<symbol><language id="1">€</language></symbol>' +
          '<label><language>plain</language></label>' +
          '<empty><language id="3"></language></empty>' +
          '<both><language id="1">x</language><other>y</other></both>' +
          '</currency></prestashop>',
      ),
    ).toEqual({
      currency: {
        name: [
          { id: '1', value: 'Euro' },
          { id: '2', value: 'Euro (DE)' },
        ],
        symbol: [{ id: '1', value: '€' }],
        label: [{ id: '', value: 'plain' }],
        empty: [{ id: '3', value: '' }],
        both: { language: 'x', other: 'y' },
      },
    });
  });

  it('reads every association as a list, with one item or none', () => {
    expect(
      xmlToPlain(
        '<prestashop><order><id>1</id><associations>' +
          '<order_rows nodeType="order_row"><order_row><id>7</id></order_row></order_rows>' +
          '<taxes nodeType="tax"></taxes>' +
          '<carts nodeType="cart"/>' +
          '<lines><line><id>1</id></line><line><id>2</id></line></lines>' +
          '</associations></order>' +
          '<cart><associations></associations></cart>' +
          '<shop><associations>text</associations></shop>' +
          '<store><associations/><associations/></store>' +
          '</prestashop>',
      ),
    ).toEqual({
      order: {
        id: '1',
        associations: { order_rows: [{ id: '7' }], taxes: [], carts: [], lines: [{ id: '1' }, { id: '2' }] },
      },
      cart: { associations: {} },
      shop: { associations: {} },
      store: { associations: {} },
    });
  });
});
