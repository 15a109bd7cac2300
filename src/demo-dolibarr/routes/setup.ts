import { RestError } from '../errors.js';
import { matches, parseSqlFilters } from '../sqlfilters.js';
import { COUNTRIES, CURRENCIES, PAYMENT_TERMS, PAYMENT_TYPES, VAT_RATES } from '../reference-data.js';
import { render } from '../render.js';
import { DolibarrStore } from '../store.js';
import type { Route } from './route.js';
import { FREE_CUSTOMER_CODES } from './thirdparties.js';

function filtered<T extends Record<string, unknown>>(
  rows: readonly T[],
  query: URLSearchParams,
  listName: string,
): T[] {
  const sqlfilters = query.get('sqlfilters');
  if (!sqlfilters) return [...rows];
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  const parsed = parseSqlFilters(sqlfilters, columns, listName);
  if (!parsed.ok) throw new RestError(parsed.status, parsed.message);
  return rows.filter((r) => matches(parsed.filter, (name) => r[name]));
}

export function setupRoutes(store: DolibarrStore, version: string): Route[] {
  const company = COUNTRIES[0]!;
  return [
    {
      method: 'GET',
      pattern: /^status$/,
      handle: () => {
        const now = store.timestamp();
        return {
          success: {
            code: 200,
            dolibarr_version: version,
            access_locked: '0',
            environment: 'non-production',
            timestamp_now_utc: now,
            timestamp_php_tz: 'UTC',
            date_tz: DolibarrStore.sqlDate(now),
          },
        };
      },
    },
    { method: 'GET', pattern: /^setup\/modules$/, handle: () => [...store.modules].sort() },
    {
      // The currencies the multicurrency setup declares (the API file loads with the module alone).
      method: 'GET',
      pattern: /^multicurrencies$/,
      right: 'multicurrency:read',
      handle: () =>
        [...store.currencies].map(([code, rate], index) => ({
          id: String(index + 1),
          name: code,
          code,
          rate: { id: String(index + 1), rate: rate.toString(), date_sync: store.timestamp() },
        })),
    },
    {
      method: 'GET',
      pattern: /^setup\/dictionary\/payment_types$/,
      handle: ({ query }) =>
        filtered(
          PAYMENT_TYPES.map((p) => ({
            id: String(p.id),
            code: p.code,
            type: '2',
            label: p.label,
            module: null,
          })),
          query,
          'payment types',
        ),
    },
    {
      method: 'GET',
      pattern: /^setup\/dictionary\/vat$/,
      handle: ({ query }) => {
        const country = Number(query.get('fk_country') ?? '-1');
        const countryId = country === -1 ? company.id : country;
        const active = query.get('active') ?? '1';
        const rows = VAT_RATES.filter(
          (v) => v.countryId === countryId && (active === '' || String(Number(v.active)) === active),
        ).map((v) => ({
          rowid: String(v.rowid),
          code: '',
          type_vat: '0',
          active: v.active ? '1' : '0',
          fk_pays: String(v.countryId),
          taux: v.rate,
          localtax1: '0',
          localtax2: '0',
          localtax1_type: '0',
          localtax2_type: '0',
          note: v.note,
        }));
        const descending = (query.get('sortorder') ?? 'ASC').toUpperCase() === 'DESC';
        rows.sort((a, b) => (Number(a.taux) - Number(b.taux)) * (descending ? -1 : 1));
        return filtered(rows, query, 'vat');
      },
    },
    {
      method: 'GET',
      pattern: /^setup\/dictionary\/payment_terms$/,
      handle: ({ query }) =>
        filtered(
          PAYMENT_TERMS.map((t) => ({
            id: String(t.id),
            code: t.code,
            sortorder: String(t.sortOrder),
            label: t.label,
            descr: t.description,
            type_cdr: t.endOfMonth ? '1' : '0',
            nbjour: String(t.days),
            decalage: null,
            module: null,
          })),
          query,
          'payment terms',
        ),
    },
    {
      method: 'GET',
      pattern: /^setup\/dictionary\/countries\/byCode\/([A-Za-z]{2})$/,
      handle: ({ params }) => {
        const country = COUNTRIES.find((c) => c.code === params[0]?.toUpperCase());
        if (!country) throw new RestError(404, 'country not found');
        return {
          id: country.id,
          entity: null,
          code: country.code,
          label: country.label,
          active: 1,
          code_iso: country.iso,
          eec: country.eec ? '1' : '0',
          favorite: '0',
          numeric_code: country.numeric,
        };
      },
    },
    {
      method: 'GET',
      pattern: /^setup\/dictionary\/currencies$/,
      handle: ({ query }) =>
        filtered(
          CURRENCIES.map((c) => ({ code_iso: c.code, label: c.label, unicode: c.unicode })),
          query,
          'currencies',
        ),
    },
    {
      method: 'GET',
      pattern: /^setup\/company$/,
      handle: () =>
        render('company.get', {
          module: 'societe',
          entity: 1,
          status: 1,
          country_id: company.id,
          country_code: company.code,
          name: 'Navette Démo SARL',
          tva_assuj: 1,
          default_lang: 'fr_FR',
          currency_code: 'EUR',
        }),
    },
    {
      method: 'GET',
      pattern: /^setup\/conf\/([A-Za-z0-9_]+)$/,
      handle: ({ params }) => {
        const name = params[0] ?? '';
        const value = constant(store, name);
        if (value === undefined) throw new RestError(400, 'Error Bad or unknown value for constantname');
        return value;
      },
    },
  ];
}

/** Dolibarr's `conf` constants; a module that is off has no MAIN_MODULE_ constant at all. */
function constant(store: DolibarrStore, name: string): string | undefined {
  const set = store.constants.get(name);
  if (set !== undefined) return set;
  const module = /^MAIN_MODULE_([A-Z_]+)$/.exec(name);
  if (module) return store.moduleOn((module[1] ?? '').toLowerCase()) ? '1' : undefined;
  const defaults: Record<string, string> = {
    MAIN_MONNAIE: 'EUR',
    MAIN_INFO_SOCIETE_COUNTRY: '1:FR:France',
    MAIN_MAX_DECIMALS_TOT: String(store.rounding.totalDecimals),
    MAIN_MAX_DECIMALS_UNIT: String(store.rounding.unitDecimals),
    SOCIETE_CODECLIENT_ADDON: FREE_CUSTOMER_CODES,
    // conf.class.php: "By default, we propagate contacts" (real exchange 035).
    MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN: '*',
  };
  return defaults[name];
}
