import { KINDS } from '../document-kinds.js';
import { RestError } from '../errors.js';
import { listAnswer, listRows, properties } from '../list-query.js';
import { COUNTRIES } from '../reference-data.js';
import { pick, type Row } from '../render.js';
import { CONTACT_ROLES, type ContactLink, type DocumentKind, type DolibarrStore } from '../store.js';
import { asText } from '../text.js';
import type { Route } from './route.js';

/**
 * Contacts (`/contacts`) and their roles on documents (`POST /orders/{id}/contact/{contactid}/SHIPPING`).
 * Not in the recordings: written from Dolibarr 23.0.0-beta's api_contacts.class.php and the documents'
 * postContact, whose answers and messages they copy. A contact is answered with the fields a fetched
 * Contact carries (strings, as MySQL gives them), not every field of the real object. Their rights are
 * the third parties' module's own "contacts" rights (`societe->contact->lire / creer`).
 */

/** What a create or an update copies as it is. */
const PLAIN_FIELDS = [
  'lastname',
  'firstname',
  'address',
  'zip',
  'town',
  'email',
  'ref_ext',
  'poste',
] as const;

/** llx_c_type_contact's rowid and label of each role, as a document's contacts list gives them. */
const ROLE_TYPES: Readonly<Record<DocumentKind, Readonly<Record<string, readonly [number, string]>>>> = {
  propal: {
    BILLING: [7, 'Contact client facturation propale'],
    CUSTOMER: [8, 'Contact client suivi propale'],
    SHIPPING: [9, 'Contact client livraison propale'],
    SERVICE: [10, 'Contact client prestation propale'],
  },
  commande: {
    BILLING: [23, 'Contact client facturation commande'],
    CUSTOMER: [24, 'Contact client suivi commande'],
    SHIPPING: [25, 'Contact client livraison commande'],
  },
  facture: {
    BILLING: [11, 'Contact client facturation'],
    SHIPPING: [12, 'Contact client livraison'],
    SERVICE: [13, 'Contact client prestation'],
  },
};

const RESOURCES: Readonly<Record<DocumentKind, string>> = {
  propal: 'proposals',
  commande: 'orders',
  facture: 'invoices',
};

function text(value: unknown): string | null {
  return value === undefined || value === null ? null : asText(value);
}

function renderContact(row: Row): Record<string, unknown> {
  return {
    module: 'societe',
    id: row.id,
    entity: '1',
    ref_ext: row.ref_ext ?? null,
    socid: row.socid ?? null,
    lastname: row.lastname ?? '',
    firstname: row.firstname ?? '',
    address: row.address ?? null,
    zip: row.zip ?? null,
    town: row.town ?? null,
    country_id: row.country_id ?? null,
    country_code: row.country_code ?? null,
    phone_pro: row.phone_pro ?? null,
    email: row.email ?? null,
    poste: row.poste ?? null,
    statut: '1',
    status: '1',
    date_creation: row.date_creation,
  };
}

/** One role of a document's contacts list (real exchanges 029, 034): `liste_contact`'s strings. */
function renderRole(store: DolibarrStore, link: ContactLink): Record<string, unknown> {
  const contact = store.contacts.get(link.contactId) ?? {};
  const [typeId, label] = ROLE_TYPES[link.kind][link.type] ?? [0, link.type];
  const country = COUNTRIES.find((c) => String(c.id) === String(contact.country_id));
  return {
    parentId: String(link.documentId),
    source: 'external',
    socid: text(contact.socid),
    id: String(link.contactId),
    nom: contact.lastname ?? '',
    civility: '',
    lastname: contact.lastname ?? '',
    firstname: contact.firstname ?? '',
    email: contact.email ?? '',
    address: contact.address ?? '',
    zip: contact.zip ?? '',
    town: contact.town ?? '',
    country_id: text(contact.country_id),
    country: country?.label ?? '',
    login: '',
    photo: '',
    gender: '',
    statuscontact: '1',
    rowid: String(link.contactId),
    code: link.type,
    libelle: label,
    status: 4,
    fk_c_type_contact: String(typeId),
  };
}

export function contactRoutes(store: DolibarrStore): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^contacts$/,
      right: 'contact:read',
      handle: ({ query }) => {
        // `thirdparty_ids`: "1" or "1,2,3" (Restler checks the pattern /^[0-9,]*$/).
        const ids = (query.get('thirdparty_ids') ?? '').split(',').filter((id) => id !== '');
        if (ids.some((id) => !/^\d+$/.test(id)))
          throw new RestError(400, 'Invalid value specified for `thirdparty_ids`');
        const records = [...store.contacts.values()]
          .filter((row) => ids.length === 0 || ids.includes(asText(row.socid)))
          .map((row) => ({ row }));
        const page = listRows(records, query, {
          columns: new Set(['rowid', 'fk_soc', 'ref_ext', ...PLAIN_FIELDS, 'phone', 'statut']),
          aliases: { rowid: 'id', fk_soc: 'socid', phone: 'phone_pro' },
          listName: 'contact',
        });
        // Unlike the third-party list, Dolibarr 23's contact list answers 200 [] when nothing matches.
        return listAnswer(
          page,
          page.items.map((r) => pick(renderContact(r.row), properties(query))),
          query,
        );
      },
    },
    {
      method: 'GET',
      pattern: /^contacts\/(\d+)$/,
      right: 'contact:read',
      handle: ({ params }) => {
        const row = store.contacts.get(Number(params[0]));
        if (!row) throw new RestError(404, 'Contact not found');
        return renderContact(row);
      },
    },
    {
      method: 'POST',
      pattern: /^contacts$/,
      right: 'contact:write',
      takesBody: true,
      handle: ({ body }) => {
        if (body.lastname === undefined || body.lastname === null)
          throw new RestError(400, 'lastname field missing');
        const row: Row = { date_creation: store.timestamp() };
        for (const field of PLAIN_FIELDS) if (field in body) row[field] = text(body[field]);
        if ([...asText(row.lastname)].length > 50)
          throw new RestError(500, 'Error creating contact', "Data too long for column 'lastname' at row 1");
        if ('socid' in body && body.socid !== null) {
          const socid = Number(body.socid);
          if (!store.thirdparties.has(socid))
            throw new RestError(
              500,
              'Error creating contact',
              'Cannot add or update a child row: a foreign key constraint fails',
            );
          row.socid = String(socid);
        }
        // Dolibarr keeps phone numbers without their spaces.
        if ('phone_pro' in body) row.phone_pro = text(body.phone_pro)?.replace(/\s+/g, '') ?? null;
        const countryCode = text(body.country_code);
        const country =
          body.country_id !== undefined
            ? COUNTRIES.find((c) => c.id === Number(body.country_id))
            : COUNTRIES.find((c) => c.code === countryCode);
        if (body.country_id === undefined && countryCode !== null && !country)
          throw new RestError(404, 'Country code not found in database: ');
        row.country_id = country ? String(country.id) : null;
        row.country_code = country ? country.code : null;
        const id = store.nextId('socpeople');
        row.id = String(id);
        store.contacts.set(id, row);
        return id;
      },
    },
  ];
  for (const kind of ['propal', 'commande', 'facture'] as const) {
    const info = KINDS[kind];
    routes.push({
      // `?type=SHIPPING` keeps that role; `[]` when the document has none.
      method: 'GET',
      pattern: new RegExp(`^${RESOURCES[kind]}/(\\d+)/contacts$`),
      right: `${kind === 'propal' ? 'propale' : kind}:read`,
      handle: ({ params, query }) => {
        const documentId = Number(params[0]);
        // getContacts says "Proposal not found" where the proposal's other calls say "Commercial Proposal…".
        if (!store.documents[kind].has(documentId))
          throw new RestError(404, kind === 'propal' ? 'Proposal not found' : info.notFound);
        const type = query.get('type') ?? '';
        return store.contactLinks
          .filter((l) => l.kind === kind && l.documentId === documentId && (type === '' || l.type === type))
          .map((l) => renderRole(store, l));
      },
    });
    routes.push({
      method: 'POST',
      pattern: new RegExp(`^${RESOURCES[kind]}/(\\d+)/contact/(\\d+)/([A-Z_]+)$`),
      right: `${kind === 'propal' ? 'propale' : kind}:write`,
      handle: ({ params, query }) => {
        const [documentId, contactId, type] = [Number(params[0]), Number(params[1]), params[2] ?? ''];
        const source = query.get('source') ?? 'external';
        if (source !== 'external' && source !== 'internal')
          throw new RestError(
            400,
            `Combo of Source=${source} and Type=${type} not found in dictionary with active ${info.noun} contact types`,
          );
        if (!CONTACT_ROLES[kind].includes(type))
          throw new RestError(
            400,
            `Combo of Type=${type} and Source=${source} not found in dictionary with active ${info.noun} contact types`,
          );
        if (!store.documents[kind].has(documentId)) throw new RestError(404, info.notFound);
        if (!store.contacts.has(contactId)) throw new RestError(400, `Wrong contact=${contactId}`);
        if (
          store.contactLinks.some(
            (l) =>
              l.kind === kind && l.documentId === documentId && l.contactId === contactId && l.type === type,
          )
        )
          throw new RestError(
            400,
            `Already exists: Contact=${contactId} is already linked to the ${info.noun}=${documentId} as source=${source} and type=${type}`,
          );
        store.contactLinks.push({ kind, documentId, contactId, type });
        return {
          success: {
            code: 200,
            message: `Contact=${contactId} linked to the ${info.noun}=${documentId} as ${source} ${type}`,
          },
        };
      },
    });
  }
  return routes;
}
