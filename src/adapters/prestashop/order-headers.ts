import type { OrderHeader } from '../../ports/order-source.js';
import { ZERO } from '../../domain/money.js';
import type { RawRecord } from './webservice-answer.js';
import { FieldReader } from './wire-readers.js';

/**
 * The fields of a slim page of orders: what deciding an order needs (its key, state and dates), and what
 * an order left as it is shows in the run's report (its reference and total). Nothing else is read
 * before navette knows the order is to be imported.
 */
export const HEADER_FIELDS = [
  'id',
  'id_shop',
  'reference',
  'current_state',
  'date_add',
  'date_upd',
  'invoice_date',
  'total_paid_tax_incl',
] as const;

/**
 * The headers of a slim page. A record that cannot be read still gives a header with what can be read
 * (state 0): completing it reads the whole order, which is then refused with its reason.
 */
export function toOrderHeaders(raws: readonly RawRecord[]): OrderHeader[] {
  const f = new FieldReader();
  return raws.map((raw): OrderHeader => {
    const header: OrderHeader = {
      key: { shopId: f.int(raw, 'id_shop'), orderId: f.int(raw, 'id') },
      reference: f.text(raw, 'reference'),
      stateId: f.int(raw, 'current_state'),
      dateAdd: f.text(raw, 'date_add'),
      dateUpd: f.text(raw, 'date_upd'),
      invoiceDate: f.date(raw, 'invoice_date'),
      totalPaidTaxIncl: f.amount(raw, 'total_paid_tax_incl'),
    };
    if (f.takeProblems() === undefined) return header;
    return {
      key: { shopId: Number(raw['id_shop']) || 0, orderId: Number(raw['id']) || 0 },
      reference: typeof raw['reference'] === 'string' ? raw['reference'] : '',
      stateId: 0,
      dateAdd: typeof raw['date_add'] === 'string' ? raw['date_add'] : '',
      dateUpd: typeof raw['date_upd'] === 'string' ? raw['date_upd'] : '',
      invoiceDate: undefined,
      totalPaidTaxIncl: ZERO,
    };
  });
}
