import { amount, dbAmount, dbRate, price2num } from '../amounts.js';
import { RestError } from '../errors.js';
import { listAnswer, listRows, properties } from '../list-query.js';
import { pick, render, type Row } from '../render.js';
import { TEMPLATES } from '../shapes/templates.js';
import type { DolibarrStore } from '../store.js';
import type { Route } from './route.js';
import { asText } from '../text.js';

function number(value: unknown): string {
  return typeof value === 'number' ||
    (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    ? String(value)
    : '0';
}

export function productRoutes(store: DolibarrStore): Route[] {
  const all = (): Row[] => [...store.products.values()];
  const notFound = (): never => {
    throw new RestError(404, 'Product not found');
  };
  const columns = new Set((TEMPLATES['product.get'] ?? []).map(([name]) => name));
  return [
    {
      method: 'GET',
      pattern: /^products$/,
      right: 'produit:read',
      handle: ({ query }) => {
        const page = listRows(
          all().map((row) => ({ row })),
          query,
          {
            columns,
            aliases: { rowid: 'id', tosell: 'status', tobuy: 'status_buy', fk_product_type: 'type' },
            listName: 'product',
          },
        );
        const props = properties(query);
        return listAnswer(
          page,
          page.items.map((r) => pick(render('product.list', r.row), props)),
          query,
        );
      },
    },
    {
      method: 'GET',
      pattern: /^products\/(\d+)$/,
      right: 'produit:read',
      handle: ({ params }) => render('product.get', store.products.get(Number(params[0])) ?? notFound()),
    },
    {
      method: 'GET',
      pattern: /^products\/ref\/([^/]+)$/,
      right: 'produit:read',
      handle: ({ params }) => render('product.get', all().find((r) => r.ref === params[0]) ?? notFound()),
    },
    {
      method: 'GET',
      pattern: /^products\/ref_ext\/([^/]+)$/,
      right: 'produit:read',
      handle: ({ params }) => render('product.get', all().find((r) => r.ref_ext === params[0]) ?? notFound()),
    },
    {
      method: 'POST',
      pattern: /^products$/,
      right: 'produit:write',
      takesBody: true,
      handle: ({ body }) => {
        if (body.ref === undefined || body.ref === null) throw new RestError(400, 'ref field missing');
        if (body.label === undefined || body.label === null) throw new RestError(400, 'label field missing');
        if (all().some((r) => r.ref === asText(body.ref)))
          throw new RestError(500, 'Error creating product', 'ErrorProductAlreadyExists');
        const id = store.nextId('product');
        const vat = amount(number(body.tva_tx));
        const factor = vat.div(100).plus(1);
        const unit = store.rounding.unitDecimals;
        // The TTC price Dolibarr derives from an HT price is rounded like a total (22.944 → 22.94).
        const total = store.rounding.totalDecimals;
        // With a TTC base the amount must be in price_ttc: what is in `price` is ignored (stored as 0).
        const ttcBase = body.price_base_type === 'TTC';
        const priceTtc = ttcBase
          ? amount(number(body.price_ttc))
          : price2num(amount(number(body.price)).times(factor), total);
        const price = ttcBase ? price2num(priceTtc.div(factor), unit) : amount(number(body.price));
        const now = store.timestamp();
        const row: Row = {
          id: String(id),
          entity: '1',
          ref: asText(body.ref),
          ref_ext: body.ref_ext === undefined || body.ref_ext === null ? null : asText(body.ref_ext),
          label: asText(body.label),
          description: body.description === undefined ? '' : asText(body.description),
          type: String(Number(body.type ?? 0)),
          status: String(Number(body.status ?? 0)),
          status_buy: String(Number(body.status_buy ?? 0)),
          price: dbAmount(price),
          price_ttc: dbAmount(priceTtc),
          price_min: dbAmount(amount(0)),
          price_min_ttc: dbAmount(amount(0)),
          price_base_type: ttcBase ? 'TTC' : 'HT',
          tva_tx: dbRate(vat),
          localtax1_tx: '0.0000',
          localtax2_tx: '0.0000',
          date_creation: now,
          date_modification: now,
          pmp: dbAmount(amount(0)),
          stockable_product: body.type === 1 ? '0' : '1',
        };
        store.products.set(id, row);
        return id;
      },
    },
  ];
}
