import { notModifiedResponse, RestError } from '../errors.js';
import { KINDS } from '../document-kinds.js';
import type { Documents } from '../documents.js';
import { listAnswer, listRows, properties } from '../list-query.js';
import { pick, render } from '../render.js';
import { TEMPLATES } from '../shapes/templates.js';
import { DolibarrStore, type DocumentKind, type DocumentRecord } from '../store.js';
import type { Route } from './route.js';

/** The template family and the API resource of each kind of document. */
const API: Readonly<Record<DocumentKind, { family: string; resource: string; right: string }>> = {
  propal: { family: 'proposal', resource: 'proposals', right: 'propale' },
  commande: { family: 'order', resource: 'orders', right: 'commande' },
  facture: { family: 'invoice', resource: 'invoices', right: 'facture' },
};

const ALIASES = {
  rowid: 'id',
  fk_soc: 'socid',
  fk_statut: 'status',
  datec: 'date_creation',
  datep: 'date',
  date_commande: 'date',
  datef: 'date',
  fk_user_author: 'user_author_id',
  paye: 'paye',
  facture: 'billed',
};

/** `tms` as MySQL holds it (`YYYY-MM-DD HH:MM:SS`, server time): what sqlfilters compare. */
export function modificationTime(row: Record<string, unknown>): string | null {
  const at = Number(row.date_modification);
  return Number.isFinite(at) && at > 0 ? DolibarrStore.sqlDate(at) : null;
}

/** `linkedObjectsIds` as PHP encodes it: `[]` when there is none. */
function linksOf(store: DolibarrStore, kind: DocumentKind, id: number): unknown {
  const links = store.linkedObjectsIds(kind, id);
  return Object.keys(links).length === 0 ? [] : links;
}

/**
 * Renders a document as the call `context` returns it (`get`, `list`, `validate`, `close`…): the fields
 * a call returns, and their kinds, differ from one call to another in Dolibarr.
 */
export function renderDocument(
  store: DolibarrStore,
  doc: DocumentRecord,
  context: string,
): Record<string, unknown> {
  const family = API[doc.kind].family;
  const name = TEMPLATES[`${family}.${context}`] ? `${family}.${context}` : `${family}.get`;
  const lineName = TEMPLATES[`${name}.line`] ? `${name}.line` : `${family}.get.line`;
  return render(name, {
    ...doc.row,
    linkedObjectsIds: store.linkedObjectsIds(doc.kind, doc.id),
    lines: doc.lines.map((l) => render(lineName, l.row)),
  });
}

/**
 * The reply of createfromproposal / createfromorder: the object still in memory (native ints and floats,
 * no status for an order), whose `lines` hold the source's lines copied (id null) and then the lines
 * inserted, so twice as many as the document has.
 */
function renderCreatedFrom(store: DolibarrStore, source: DocumentRecord, doc: DocumentRecord): unknown {
  const family = API[doc.kind].family;
  const copied = source.lines.map((l) =>
    render(`${family}.createfrom.copied`, { ...l.row, id: null, rowid: null, origin_id: l.row.id }),
  );
  // The inserted lines still hold what PHP computed: a rate as '20', not the column's '20.0000'.
  const inserted = doc.lines.map((l) =>
    render(`${family}.createfrom.inserted`, { ...l.row, tva_tx: String(Number(l.row.tva_tx)) }),
  );
  return render(`${family}.createfrom`, {
    ...doc.row,
    id: doc.id,
    entity: 1,
    ref_ext: null,
    origin_type: source.kind,
    origin_id: String(source.id),
    linkedObjectsIds: store.linkedObjectsIds(doc.kind, doc.id),
    date: store.timestamp(),
    lines: [...copied, ...inserted],
  });
}

export function documentRoutes(store: DolibarrStore, documents: Documents, kind: DocumentKind): Route[] {
  const { resource, right } = API[kind];
  const info = KINDS[kind];
  const columns = new Set((TEMPLATES[`${API[kind].family}.get`] ?? []).map(([name]) => name));
  const id = (params: readonly string[]): DocumentRecord => documents.get(kind, Number(params[0]));
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: new RegExp(`^${resource}$`),
      right: `${right}:read`,
      handle: ({ query }) => {
        const records = [...store.documents[kind].values()];
        const socids = query.get('thirdparty_ids');
        const scoped = socids
          ? records.filter((d) => socids.split(',').includes(String(d.row.socid)))
          : records;
        const page = listRows(scoped, query, {
          columns,
          aliases: ALIASES,
          listName: info.listName,
          computed: { tms: (d) => modificationTime(d.row) },
        });
        const props = properties(query);
        // `loadlinkedobjects` (Dolibarr 20+; not recorded on 23.0.0-beta): the links a GET shows, in the list.
        const withLinks = ['1', 'true'].includes(query.get('loadlinkedobjects') ?? '');
        return listAnswer(
          page,
          page.items.map((d) => {
            const rendered = renderDocument(store, d, 'list');
            if (withLinks) rendered.linkedObjectsIds = linksOf(store, d.kind, d.id);
            return pick(rendered, props);
          }),
          query,
        );
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${resource}/(\\d+)$`),
      right: `${right}:read`,
      handle: ({ params }) => renderDocument(store, id(params), 'get'),
    },
    {
      // 23.0.0-beta checks the id before looking at ref_ext: this path endpoint never works.
      method: 'GET',
      pattern: new RegExp(`^${resource}/ref_ext/([^/]+)$`),
      right: `${right}:read`,
      handle: () => {
        throw new RestError(400, `No ${info.noun} with id=0 can exist`);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${resource}/ref/([^/]+)$`),
      right: `${right}:read`,
      handle: ({ params }) => {
        const found = [...store.documents[kind].values()].find((d) => d.row.ref === params[0]);
        if (!found) throw new RestError(404, info.notFound);
        return renderDocument(store, found, 'get');
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${resource}$`),
      right: `${right}:write`,
      takesBody: true,
      handle: ({ body }) => documents.create(kind, body),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^${resource}/(\\d+)$`),
      right: `${right}:write`,
      takesBody: true,
      handle: ({ params, body }) => {
        const doc = id(params);
        documents.update(doc, body);
        return renderDocument(store, doc, 'put');
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${resource}/(\\d+)$`),
      right: `${right}:delete`,
      handle: ({ params }) => {
        documents.delete(id(params));
        const noun = { propal: 'Commercial Proposal', commande: 'Order', facture: 'Invoice' }[kind];
        return { success: { code: 200, message: `${noun} deleted` } };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${resource}/(\\d+)/lines$`),
      right: `${right}:read`,
      handle: ({ params }) => {
        const family = API[kind].family;
        const template = TEMPLATES[`${family}.lines`] ? `${family}.lines` : `${family}.get.line`;
        return id(params).lines.map((l) => render(template, l.row));
      },
    },
    {
      // Unlike inline lines, the line endpoints honour price_base_type TTC.
      method: 'POST',
      pattern: new RegExp(kind === 'propal' ? `^${resource}/(\\d+)/line$` : `^${resource}/(\\d+)/lines$`),
      right: `${right}:write`,
      takesBody: true,
      handle: ({ params, body }) => documents.addLine(id(params), body),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${resource}/(\\d+)/validate$`),
      right: `${right}:write`,
      handle: ({ params }) => {
        const doc = id(params);
        // Validating twice is answered 304, no body: "nothing changed".
        if (!documents.validate(doc)) return notModifiedResponse();
        return renderDocument(store, doc, 'validate');
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${resource}/(\\d+)/settodraft$`),
      right: `${right}:write`,
      handle: ({ params }) => {
        const doc = id(params);
        documents.setStatus(doc, 0);
        return renderDocument(store, doc, 'settodraft');
      },
    },
  ];
  if (kind === 'propal') routes.push(...proposalRoutes(store, documents, id));
  if (kind === 'commande') routes.push(...orderRoutes(store, documents, id));
  if (kind === 'facture')
    routes.push({
      method: 'POST',
      pattern: /^invoices\/createfromorder\/(\d+)$/,
      right: 'facture:write',
      handle: ({ params }) => {
        const order = documents.get('commande', Number(params[0]));
        return renderCreatedFrom(store, order, documents.createFrom(order, 'facture'));
      },
    });
  return routes;
}

function proposalRoutes(
  store: DolibarrStore,
  documents: Documents,
  id: (params: readonly string[]) => DocumentRecord,
): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^proposals\/(\d+)\/close$/,
      right: 'propale:write',
      takesBody: true,
      handle: ({ params, body }) => {
        if (body.status === undefined)
          throw new RestError(400, '`status` is required.', undefined, 'validate');
        const status = Number(body.status);
        if (status > 3)
          throw new RestError(
            400,
            'Invalid value specified for `status`. Maximum allowed value is 3.',
            undefined,
            'validate',
          );
        const doc = id(params);
        documents.setStatus(doc, status);
        if (typeof body.note_private === 'string') doc.row.note_private = body.note_private;
        if (status === 2) doc.row.date_signature = store.timestamp();
        doc.row.last_main_doc = `propale/${String(doc.row.ref)}/${String(doc.row.ref)}.pdf`;
        return renderDocument(store, doc, 'close');
      },
    },
    {
      method: 'POST',
      pattern: /^proposals\/(\d+)\/setinvoiced$/,
      right: 'propale:write',
      handle: ({ params }) => {
        const doc = id(params);
        documents.setStatus(doc, 4);
        Object.assign(doc.row, { date_cloture: store.timestamp(), user_closing_id: '1' });
        return renderDocument(store, doc, 'setinvoiced');
      },
    },
  ];
}

function orderRoutes(
  store: DolibarrStore,
  documents: Documents,
  id: (params: readonly string[]) => DocumentRecord,
): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^orders\/(\d+)\/close$/,
      right: 'commande:write',
      handle: ({ params }) => {
        const doc = id(params);
        documents.setStatus(doc, 3);
        return renderDocument(store, doc, 'close');
      },
    },
    {
      method: 'POST',
      pattern: /^orders\/(\d+)\/reopen$/,
      right: 'commande:write',
      handle: ({ params }) => {
        documents.setStatus(id(params), 1);
        return 1;
      },
    },
    {
      method: 'POST',
      pattern: /^orders\/(\d+)\/setinvoiced$/,
      right: 'commande:write',
      handle: ({ params }) => {
        const doc = id(params);
        doc.row.billed = '1';
        doc.row.date_modification = store.timestamp();
        return renderDocument(store, doc, 'setinvoiced');
      },
    },
    {
      method: 'POST',
      pattern: /^orders\/createfromproposal\/(\d+)$/,
      right: 'commande:write',
      handle: ({ params }) => {
        const proposal = documents.get('propal', Number(params[0]));
        return renderCreatedFrom(store, proposal, documents.createFrom(proposal, 'commande'));
      },
    },
  ];
}
