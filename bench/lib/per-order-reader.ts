import type { RawRecord, WebserviceClient } from '../../src/adapters/prestashop/webservice-client.js';

/** What a per-order connector gathers for one order (raw records: no mapping, which only favours it). */
export interface PerOrderRecords {
  readonly order: RawRecord;
  readonly details: readonly RawRecord[];
  readonly customer: RawRecord | undefined;
  readonly addresses: readonly (RawRecord | undefined)[];
  readonly payments: readonly RawRecord[];
  readonly carriers: readonly RawRecord[];
}

export interface PerOrderQuery {
  readonly stateIds: readonly number[];
  /** Shop-local datetimes, inclusive. */
  readonly from: string;
  readonly to: string;
}

/**
 * The reading pattern of common connectors, as the baseline navette is compared with: list the ids of
 * the matching orders (one call), then for each order `GET orders/{id}`, its order_details (filtered by
 * order), `GET customers/{id}`, `GET addresses/{id}` for the delivery and the invoice address (once when
 * they are the same: a careful connector), its order_payments (by reference) and its order_carriers.
 *
 * Built on the same `WebserviceClient` as navette, so the same bounded concurrency (3 calls at a time)
 * applies; `ordersInFlight` orders are worked on at once so that the 3 slots are always busy. Reference
 * data (states, currencies, taxes…) and cart rules are not read at all: that, too, only favours it.
 */
export async function readPerOrder(
  client: WebserviceClient,
  query: PerOrderQuery,
  onOrder: (records: PerOrderRecords) => void,
  ordersInFlight = 3,
): Promise<number> {
  const listed = await client.list('orders', {
    filter: { current_state: { in: query.stateIds }, date_add: { between: [query.from, query.to] } },
    sort: ['date_add_ASC', 'id_ASC'],
    // Shop-restricted lists cover the request host's shop only: ask for every shop, as navette does.
    shop: 'all',
  });
  const ids = listed.map((record) => Number(record['id']));
  let next = 0;
  let read = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < ids.length; index = next++) {
      onOrder(await readOne(client, ids[index]!));
      read += 1;
    }
  };
  await Promise.all(Array.from({ length: ordersInFlight }, worker));
  return read;
}

async function readOne(client: WebserviceClient, id: number): Promise<PerOrderRecords> {
  const order = await client.get('orders', id);
  if (order === undefined) throw new Error(`order ${id} listed but not found`);
  const addressIds = [
    ...new Set([Number(order['id_address_delivery']), Number(order['id_address_invoice'])]),
  ];
  const [details, customer, addresses, payments, carriers] = await Promise.all([
    client.list('order_details', { display: 'full', filter: { id_order: id } }),
    client.get('customers', Number(order['id_customer'])),
    Promise.all(
      addressIds.filter((addressId) => addressId > 0).map((addressId) => client.get('addresses', addressId)),
    ),
    client.list('order_payments', {
      display: 'full',
      filter: { order_reference: String(order['reference']) },
    }),
    client.list('order_carriers', { display: 'full', filter: { id_order: id } }),
  ]);
  return { order, details, customer, addresses, payments, carriers };
}
