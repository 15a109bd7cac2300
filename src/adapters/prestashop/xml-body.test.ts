import { describe, expect, it } from 'vitest';

import { escapeXml, toXmlBody } from './xml-body.js';
import { xmlToPlain } from './xml.js';

describe('the XML request body', () => {
  it('wraps one record in <prestashop>, one field a line, exactly as sent', () => {
    expect(toXmlBody('order_history', { id_order: 5, id_order_state: 3 })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop>\n<order_history>\n' +
        '<id_order>5</id_order>\n<id_order_state>3</id_order_state>\n' +
        '</order_history>\n</prestashop>\n',
    );
  });

  it('writes numbers and booleans as text, null and undefined as empty fields', () => {
    const body = toXmlBody('r', { a: 1.5, b: true, c: false, d: null, e: undefined, f: '' });
    expect(body).toContain('<a>1.5</a>\n<b>true</b>\n<c>false</c>\n<d></d>\n<e></e>\n<f></f>\n');
  });

  it('escapes the five XML characters in values', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('&&<<')).toBe('&amp;&amp;&lt;&lt;');
    expect(toXmlBody('r', { note: 'A&B <1>' })).toContain('<note>A&amp;B &lt;1&gt;</note>');
  });

  it('writes a multilingual field back per language, escaping ids and texts', () => {
    const body = toXmlBody('r', {
      name: [{ id: '1', value: 'Euro & co' }, { id: '2"', value: null }, null],
    });
    expect(body).toContain(
      '<name><language id="1">Euro &amp; co</language><language id="2&quot;"></language>' +
        '<language id="undefined"></language></name>\n',
    );
  });

  it('writes a nested record as nested fields, which the XML reader reads back', () => {
    const body = toXmlBody('order', { id: 7, associations: { order_rows: { order_row: { id: 1 } } } });
    expect(body).toContain(
      '<associations>\n<order_rows>\n<order_row>\n<id>1</id>\n</order_row>\n</order_rows>\n</associations>\n',
    );
    expect(xmlToPlain(body)).toEqual({ order: { id: '7', associations: { order_rows: [{ id: '1' }] } } });
  });

  it.each(['1id', 'a b', 'a<b', '', 'é', 'a>', 'x\ny'])('refuses %j as a field name', (name) => {
    expect(() => toXmlBody('r', { [name]: 1 })).toThrow(`not an XML field name: ${name}`);
  });

  it.each(['_a', 'A', 'z-9_x', 'Id_2'])('accepts %j as a field name', (name) => {
    expect(toXmlBody('r', { [name]: 1 })).toContain(`<${name}>1</${name}>`);
  });

  it('refuses a value it cannot write', () => {
    expect(() => toXmlBody('r', { f: () => 1 })).toThrow('cannot write function as XML');
    expect(() => toXmlBody('r', { s: Symbol('s') })).toThrow('cannot write symbol as XML');
    expect(() => toXmlBody('r', { b: 10n })).toThrow('cannot write bigint as XML');
  });
});
