import { RestError } from '../errors.js';
import { listAnswer, listRows, properties } from '../list-query.js';
import { COUNTRIES } from '../reference-data.js';
import { pick, render, type Row } from '../render.js';
import { TEMPLATES } from '../shapes/templates.js';
import { DolibarrStore } from '../store.js';
import type { Route } from './route.js';
import { asText } from '../text.js';

/** The customer-code numbering module that takes codes as they are given. */
export const FREE_CUSTOMER_CODES = 'mod_codeclient_leopard';

const TYPENT: Readonly<Record<number, string>> = {
  1: 'TE_STARTUP',
  2: 'TE_GROUP',
  3: 'TE_MEDIUM',
  4: 'TE_SMALL',
  5: 'TE_ADMIN',
  7: 'TE_RETAIL',
  8: 'TE_PRIVATE',
  100: 'TE_OTHER',
};

/** Fields a create or an update copies as they are. */
const PLAIN_FIELDS = [
  'name_alias',
  'email',
  'address',
  'zip',
  'town',
  'tva_intra',
  'idprof1',
  'idprof2',
  'url',
  'note_public',
  'note_private',
  // Not in the recordings (every recorded third party has none), but Societe::create stores it as given.
  'ref_ext',
] as const;

const NAME_MAX = 128;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return asText(value);
}

function applyFields(row: Row, body: Record<string, unknown>): void {
  for (const field of PLAIN_FIELDS) if (field in body) row[field] = text(body[field]);
  // Dolibarr keeps phone numbers without their spaces.
  if ('phone' in body) row.phone = text(body.phone)?.replace(/\s+/g, '') ?? null;
  if ('name' in body) {
    row.name = text(body.name);
    row.nom = row.name;
    row.ref = row.name;
  }
  if ('country_id' in body) {
    const country = COUNTRIES.find((c) => c.id === Number(body.country_id));
    row.country_id = country ? String(country.id) : null;
    row.country_code = country ? country.code : '';
  }
  if ('typent_id' in body) {
    const id = Number(body.typent_id);
    row.typent_id = String(id);
    row.typent_code = TYPENT[id] ?? null;
  }
  if ('client' in body) row.client = String(Number(body.client));
}

/**
 * A third party through one of its recorded templates. The recordings only saw a null `ref_ext`, so the
 * template says "always null": the stored one is put back (Dolibarr 23's Societe::fetch reads it).
 */
function renderThirdParty(template: string, row: Row): Record<string, unknown> {
  const out = render(template, row);
  if ('ref_ext' in out) out.ref_ext = row.ref_ext ?? null;
  return out;
}

export function thirdpartyColumns(): Set<string> {
  return new Set((TEMPLATES['thirdparty.get'] ?? []).map(([name]) => name));
}

const ALIASES = { rowid: 'id', nom: 'name', fk_pays: 'country_id', datec: 'date_creation', siren: 'idprof1' };

export function thirdpartyRoutes(store: DolibarrStore): Route[] {
  const find = (id: number): Row => {
    const row = store.thirdparties.get(id);
    if (!row) throw new RestError(404, 'Thirdparty not found');
    return row;
  };
  const customerCodes = { used: 0 };
  const nextCustomerCode = (): string => {
    const date = store.now();
    customerCodes.used = Math.max(
      customerCodes.used,
      ...[...store.thirdparties.values()].map((r) => Number(/-(\d+)$/.exec(asText(r.code_client))?.[1] ?? 0)),
    );
    customerCodes.used += 1;
    const yymm = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    return `CU${yymm}-${String(customerCodes.used).padStart(5, '0')}`;
  };
  return [
    {
      method: 'GET',
      pattern: /^thirdparties$/,
      right: 'societe:read',
      handle: ({ query }) => {
        const records = [...store.thirdparties.values()].map((row) => ({ row }));
        const page = listRows(records, query, {
          columns: thirdpartyColumns(),
          aliases: ALIASES,
          listName: 'societe',
        });
        // Unlike the document lists, the third-party list answers 404 when nothing matches.
        if (page.items.length === 0) throw new RestError(404, 'No third parties found');
        const props = properties(query);
        return listAnswer(
          page,
          page.items.map((r) => pick(renderThirdParty('thirdparty.list', r.row), props)),
          query,
        );
      },
    },
    {
      method: 'GET',
      pattern: /^thirdparties\/(\d+)$/,
      right: 'societe:read',
      handle: ({ params }) => renderThirdParty('thirdparty.get', find(Number(params[0]))),
    },
    {
      method: 'GET',
      pattern: /^thirdparties\/email\/([^/]+)$/,
      right: 'societe:read',
      handle: ({ params }) => {
        const email = (params[0] ?? '').toLowerCase();
        const found = [...store.thirdparties.values()].filter((r) => asText(r.email).toLowerCase() === email);
        if (found.length === 0) throw new RestError(404, 'Thirdparty not found');
        // Two third parties with the e-mail: Dolibarr's fetch() fails and the API returns an empty object.
        if (found.length > 1) return render('thirdparty.blank', { id: null, module: 'societe', status: 1 });
        return renderThirdParty('thirdparty.get', found[0] as Row);
      },
    },
    {
      method: 'POST',
      pattern: /^thirdparties$/,
      right: 'societe:write',
      takesBody: true,
      handle: ({ body }) => {
        if (body.name === undefined || body.name === null) throw new RestError(400, 'name field missing');
        // MySQL counts characters, not bytes: utf8mb4 varchar(128).
        if ([...asText(body.name)].length > NAME_MAX)
          throw new RestError(500, 'Error creating thirdparty', "Data too long for column 'nom' at row 1");
        const id = store.nextId('societe');
        const now = store.timestamp();
        const row: Row = {
          module: 'societe',
          id: String(id),
          entity: '1',
          status: '1',
          client: '0',
          tva_assuj: '1',
          date_creation: now,
          date_modification: now,
          user_creation_id: '1',
          user_modification_id: '1',
          phone: null,
          zip: null,
          town: null,
          typent_code: null,
          code_client: null,
          localtax1_value: '0.0000',
          localtax2_value: '0.0000',
          status_prospect_label: 'Never contacted',
        };
        applyFields(row, body);
        // Only the Leopard numbering takes codes as given; Monkey (the installer's default) and Elephant
        // number them and refuse any other (real exchange 001 of test/fixtures/dolibarr/real-23.0.0-beta).
        const numbering = store.constants.get('SOCIETE_CODECLIENT_ADDON') ?? FREE_CUSTOMER_CODES;
        if (
          numbering !== FREE_CUSTOMER_CODES &&
          typeof body.code_client === 'string' &&
          body.code_client !== '-1'
        )
          throw new RestError(500, 'Error creating thirdparty', ['', 'ErrorBadCustomerCodeSyntax']);
        if (body.code_client === '-1' || body.code_client === -1) row.code_client = nextCustomerCode();
        else if (typeof body.code_client === 'string') row.code_client = body.code_client;
        store.thirdparties.set(id, row);
        return id;
      },
    },
    {
      method: 'PUT',
      pattern: /^thirdparties\/(\d+)$/,
      right: 'societe:write',
      takesBody: true,
      handle: ({ params, body }) => {
        const row = find(Number(params[0]));
        applyFields(row, body);
        row.date_modification = store.timestamp();
        return renderThirdParty('thirdparty.put', { ...row, socid: row.id });
      },
    },
    {
      method: 'DELETE',
      pattern: /^thirdparties\/(\d+)$/,
      right: 'societe:delete',
      handle: ({ params }) => {
        find(Number(params[0]));
        store.thirdparties.delete(Number(params[0]));
        return { success: { code: 200, message: 'Object deleted' } };
      },
    },
    {
      method: 'GET',
      pattern: /^thirdparties\/(\d+)\/accounts$/,
      right: 'societe:read',
      handle: ({ params }) => {
        const socid = Number(params[0]);
        find(socid);
        return store.accounts
          .filter((a) => a.socid === socid)
          .map((a) => ({
            id: a.id,
            date_creation: a.created,
            tms: a.created,
            key_account: a.key,
            fk_soc: a.socid,
            site: a.site,
          }));
      },
    },
    {
      method: 'POST',
      pattern: /^thirdparties\/(\d+)\/accounts$/,
      right: 'societe:write',
      takesBody: true,
      handle: ({ params, body }) => {
        const socid = Number(params[0]);
        find(socid);
        const site = text(body.site);
        if (site === null) throw new RestError(400, 'site field missing');
        // Unique per (third party, site) only: the same key may sit on two third parties.
        if (store.accounts.some((a) => a.socid === socid && a.site === site))
          throw new RestError(409, 'A SocieteAccount entity already exists for this company and site.');
        const created = store.timestamp();
        const account = {
          id: store.nextId('societe_account'),
          socid,
          site,
          key: text(body.key_account) ?? '',
          created,
        };
        store.accounts.push(account);
        return render('account.create', {
          id: account.id,
          date_creation: DolibarrStore.sqlDate(created),
          fk_user_creat: '1',
          key_account: account.key,
          fk_soc: socid,
          site,
        });
      },
    },
    {
      method: 'DELETE',
      pattern: /^thirdparties\/(\d+)\/accounts\/([^/]+)$/,
      right: 'societe:write',
      handle: ({ params }) => {
        const socid = Number(params[0]);
        const site = params[1] ?? '';
        const index = store.accounts.findIndex((a) => a.socid === socid && a.site === site);
        if (index < 0) throw new RestError(404, 'Account not found');
        store.accounts.splice(index, 1);
        return new Response(null, {
          status: 200,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
        });
      },
    },
    {
      method: 'GET',
      pattern: /^thirdparties\/accounts\/([^/]+)\/([^/]+)$/,
      right: 'societe:read',
      handle: ({ params }) => {
        const found = store.accounts.filter((a) => a.site === params[0] && a.key === params[1]);
        const only = found.length === 1 ? found[0] : undefined;
        if (!only)
          throw new RestError(404, 'This account have many thirdparties attached or does not exist.');
        return renderThirdParty('thirdparty.get', find(only.socid));
      },
    },
  ];
}
