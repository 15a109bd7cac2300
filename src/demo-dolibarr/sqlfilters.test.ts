import { describe, expect, it } from 'vitest';
import { matches, parseSqlFilters } from './sqlfilters.js';

const COLUMNS = new Set(['ref_ext', 'ref', 'total_ttc', 'email']);

describe('the simulator’s sqlfilters', () => {
  it('answers Dolibarr’s errors: 400 for bad syntax, 503 for an unquoted word or an unknown column', () => {
    expect(parseSqlFilters("(t.ref_ext:=:'x') OR 1=1", COLUMNS, 'commande')).toEqual({
      ok: false,
      status: 400,
      message:
        "Error when validating parameter sqlfilters -> Bad syntax of the search string: ((t.ref_ext:=:'x') OR 1=1)",
    });
    expect(parseSqlFilters('(t.ref_ext:=:ps-1-44)', COLUMNS, 'commande')).toMatchObject({
      status: 503,
      message: "Error when retrieve commande list : Unknown column 'ps144' in 'WHERE'",
    });
    expect(parseSqlFilters("(t.nope:=:'x')", COLUMNS, 'commande')).toMatchObject({ status: 503 });
    expect(parseSqlFilters("(t.ref:=:'a'", COLUMNS, 'commande')).toMatchObject({ status: 400 });
  });

  it('compares like MySQL: strings without case, numbers as numbers, like with % and _', () => {
    const check = (text: string, row: Record<string, unknown>): boolean => {
      const parsed = parseSqlFilters(text, COLUMNS, 'commande');
      if (!parsed.ok) throw new Error(parsed.message);
      return matches(parsed.filter, (name) => row[name]);
    };
    expect(check("(t.email:=:'JEANNE@example.fr')", { email: 'jeanne@example.fr' })).toBe(true);
    expect(check('(t.total_ttc:>:100)', { total_ttc: '94.98000000' })).toBe(false);
    expect(check("(t.ref:like:'CO26%')", { ref: 'CO2611-0001' })).toBe(true);
    expect(check("(t.ref:like:'CO2_11%')", { ref: 'CO2611-0001' })).toBe(true);
    expect(check('(t.ref_ext:is:NULL)', { ref_ext: null })).toBe(true);
    expect(check("((t.ref:=:'a') OR (t.ref:=:'b')) AND (t.email:!=:'x')", { ref: 'b', email: 'y' })).toBe(
      true,
    );
  });
});
