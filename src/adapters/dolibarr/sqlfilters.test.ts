import { describe, expect, it } from 'vitest';
import { matches, parseSqlFilters } from '../../demo-dolibarr/sqlfilters.js';
import { DolibarrFailure } from './errors.js';
import { allOf, anyOf, compare, either, equals, like, type SqlFilter } from './sqlfilters.js';

function ok(filter: SqlFilter | DolibarrFailure): SqlFilter {
  if (filter instanceof DolibarrFailure) throw filter;
  return filter;
}

describe('sqlfilters', () => {
  it('quotes strings, leaves numbers bare and prefixes columns with t.', () => {
    expect(ok(equals('ref_ext', 'ps-1-44')).text).toBe("(t.ref_ext:=:'ps-1-44')");
    expect(ok(equals('fk_soc', 5)).text).toBe('(t.fk_soc:=:5)');
    expect(ok(like('email', '%@example.fr')).text).toBe("(t.email:like:'%@example.fr')");
    expect(ok(compare('tms', '>=', '2026-11-27 09:43:32')).text).toBe("(t.tms:>=:'2026-11-27 09:43:32')");
    expect(ok(compare('fk_statut', '>', 0)).text).toBe('(t.fk_statut:>:0)');
    expect(ok(anyOf('ref_ext', ['a', 'b'])).text).toBe("(t.ref_ext:=:'a') OR (t.ref_ext:=:'b')");
    expect(allOf(ok(anyOf('ref_ext', ['a', 'b'])), ok(equals('fk_statut', 1))).text).toBe(
      "((t.ref_ext:=:'a') OR (t.ref_ext:=:'b')) AND (t.fk_statut:=:1)",
    );
  });

  it('joins look-ups on different fields into one filter, which Dolibarr’s syntax check accepts', () => {
    const filter = either(ok(equals('ref_ext', 'ps-1-c42')), ok(equals('code_client', 'WEB000042')));
    expect(filter.text).toBe("(t.ref_ext:=:'ps-1-c42') OR (t.code_client:=:'WEB000042')");
    expect(either(allOf(ok(equals('a', 1)), ok(equals('b', 2))), ok(equals('c', 3))).text).toBe(
      '((t.a:=:1) AND (t.b:=:2)) OR (t.c:=:3)',
    );
    const parsed = parseSqlFilters(filter.text, new Set(['ref_ext', 'code_client']), 'societe');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const row = (values: Record<string, unknown>) => (name: string) => values[name];
    expect(matches(parsed.filter, row({ ref_ext: null, code_client: 'WEB000042' }))).toBe(true);
    expect(matches(parsed.filter, row({ ref_ext: 'ps-1-c7', code_client: 'WEB000007' }))).toBe(false);
  });

  it('refuses a value with a parenthesis (Dolibarr cannot search it) and a field that is not a column', () => {
    const failure = equals('ref', 'Carton (x2)');
    expect(failure).toBeInstanceOf(DolibarrFailure);
    expect((failure as DolibarrFailure).code).toBe('filter-value-unsupported');
    expect(() => equals("ref') OR (1", 'x')).toThrow();
  });

  it('builds what Dolibarr’s syntax check accepts and matches, quotes and colons in values included', () => {
    const columns = new Set(['ref_ext', 'email', 'fk_statut']);
    const filter = allOf(ok(anyOf('ref_ext', ['prestashop:1', "o'brien"])), ok(equals('fk_statut', 1)));
    const parsed = parseSqlFilters(filter.text, columns, 'commande');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const row = (values: Record<string, unknown>) => (name: string) => values[name];
    expect(matches(parsed.filter, row({ ref_ext: 'prestashop:1', fk_statut: '1' }))).toBe(true);
    expect(matches(parsed.filter, row({ ref_ext: "O'Brien", fk_statut: '1' }))).toBe(true);
    expect(matches(parsed.filter, row({ ref_ext: 'prestashop:1', fk_statut: '0' }))).toBe(false);
  });
});
