import type { Documents } from '../documents.js';
import { RestError } from '../errors.js';
import { listAnswer, listRows, properties } from '../list-query.js';
import { pick, type Row } from '../render.js';
import { DolibarrStore, type ShipmentRecord } from '../store.js';
import type { Route } from './route.js';
import { asText } from '../text.js';

/**
 * Shipments (module `expedition`, off in the recorded instance, so no recording fixes their shape): made
 * from a validated order, with a tracking number; validating one puts the order in "shipment in
 * progress" (2) and sets `date_valid`, closing one sets status 2, as upstream's `Expedition` does. Each
 * change moves the table's `tms`, which sqlfilters can compare but the answers do not show (upstream's
 * `fetch()` does not read it).
 */
function renderShipment(shipment: ShipmentRecord): Record<string, unknown> {
  return {
    ...shipment.row,
    lines: shipment.lines.map((l) => ({ ...l })),
  };
}

export function shipmentRoutes(store: DolibarrStore, documents: Documents): Route[] {
  const find = (id: number): ShipmentRecord => {
    const found = store.shipments.get(id);
    if (!found) throw new RestError(404, 'Shipment not found');
    return found;
  };
  const columns = new Set([
    'id',
    'ref',
    'ref_ext',
    'socid',
    'origin_id',
    'tracking_number',
    'status',
    'date_creation',
    'date_valid',
  ]);
  const touch = (shipment: ShipmentRecord): void => {
    shipment.modified = store.timestamp();
  };
  return [
    {
      method: 'GET',
      pattern: /^shipments$/,
      right: 'expedition:read',
      handle: ({ query }) => {
        const page = listRows([...store.shipments.values()], query, {
          columns,
          aliases: { rowid: 'id', fk_soc: 'socid', fk_statut: 'status' },
          listName: 'expedition',
          computed: { tms: (s) => DolibarrStore.sqlDate(s.modified) },
        });
        const props = properties(query);
        return listAnswer(
          page,
          page.items.map((s) => pick(renderShipment(s), props)),
          query,
        );
      },
    },
    {
      method: 'GET',
      pattern: /^shipments\/(\d+)$/,
      right: 'expedition:read',
      handle: ({ params }) => renderShipment(find(Number(params[0]))),
    },
    {
      method: 'POST',
      pattern: /^shipments$/,
      right: 'expedition:write',
      takesBody: true,
      handle: ({ body }) => {
        if (body.socid === undefined) throw new RestError(400, 'socid field missing');
        if (body.origin_id === undefined) throw new RestError(400, 'origin_id field missing');
        const order = documents.get('commande', Number(body.origin_id));
        const id = store.nextId('expedition');
        const now = store.timestamp();
        const row: Row = {
          id: String(id),
          ref: `(PROV${id})`,
          ref_ext: typeof body.ref_ext === 'string' ? body.ref_ext : null,
          socid: String(Number(body.socid)),
          origin_type: 'commande',
          origin_id: String(order.id),
          tracking_number: typeof body.tracking_number === 'string' ? body.tracking_number : null,
          shipping_method_id: body.shipping_method_id === undefined ? null : asText(body.shipping_method_id),
          status: '0',
          statut: '0',
          date_creation: now,
          date_valid: null,
          date_delivery: typeof body.date_delivery === 'number' ? body.date_delivery : null,
        };
        const lines = Array.isArray(body.lines) ? (body.lines as Record<string, unknown>[]) : [];
        const shipment: ShipmentRecord = {
          id,
          modified: now,
          row,
          lines: lines.map((line) => {
            const lineId = store.nextId('expeditiondet');
            return {
              id: String(lineId),
              fk_origin_line: String(Number(line.origin_line_id)),
              qty: String(Number(line.qty ?? 0)),
            };
          }),
        };
        store.shipments.set(id, shipment);
        store.addLink('commande', order.id, 'shipping', id);
        return id;
      },
    },
    {
      method: 'PUT',
      pattern: /^shipments\/(\d+)$/,
      right: 'expedition:write',
      takesBody: true,
      handle: ({ params, body }) => {
        const shipment = find(Number(params[0]));
        if (typeof body.tracking_number === 'string') shipment.row.tracking_number = body.tracking_number;
        touch(shipment);
        return renderShipment(shipment);
      },
    },
    {
      method: 'POST',
      pattern: /^shipments\/(\d+)\/validate$/,
      right: 'expedition:write',
      handle: ({ params }) => {
        const shipment = find(Number(params[0]));
        if (shipment.row.status !== '0') return new Response(null, { status: 304 });
        shipment.row.ref = store.nextNumber('SH');
        shipment.row.status = '1';
        shipment.row.statut = '1';
        shipment.row.date_valid = store.timestamp();
        touch(shipment);
        const order = documents.get('commande', Number(shipment.row.origin_id));
        if (order.row.status === '1') documents.setStatus(order, 2);
        return renderShipment(shipment);
      },
    },
    {
      // "Classer clôturée": the shipment is done (status 2).
      method: 'POST',
      pattern: /^shipments\/(\d+)\/close$/,
      right: 'expedition:write',
      handle: ({ params }) => {
        const shipment = find(Number(params[0]));
        if (shipment.row.status !== '1') return new Response(null, { status: 304 });
        shipment.row.status = '2';
        shipment.row.statut = '2';
        touch(shipment);
        return renderShipment(shipment);
      },
    },
  ];
}
