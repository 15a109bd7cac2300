import type { OrderHeader } from '../../ports/order-source.js';
import { ZERO } from '../../domain/money.js';
import type { RawRecord } from './webservice-answer.js';
import { wireAmount, wireDate, wireInt, wireText } from './wire-schemas.js';
import * as z from 'zod';

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

const headerSchema = z.object({
  id: wireInt,
  id_shop: wireInt,
  reference: wireText,
  current_state: wireInt,
  date_add: wireText,
  date_upd: wireText,
  invoice_date: wireDate,
  total_paid_tax_incl: wireAmount,
});

/**
 * The headers of a slim page. A record the schema refuses still gives a header with what can be read
 * (state 0): completing it reads the whole order, which is then refused with its reason.
 */
export function toOrderHeaders(raws: readonly RawRecord[]): OrderHeader[] {
  return raws.map((raw): OrderHeader => {
    const parsed = headerSchema.safeParse(raw);
    if (!parsed.success)
      return {
        key: { shopId: Number(raw['id_shop']) || 0, orderId: Number(raw['id']) || 0 },
        reference: typeof raw['reference'] === 'string' ? raw['reference'] : '',
        stateId: 0,
        dateAdd: typeof raw['date_add'] === 'string' ? raw['date_add'] : '',
        dateUpd: typeof raw['date_upd'] === 'string' ? raw['date_upd'] : '',
        invoiceDate: undefined,
        totalPaidTaxIncl: ZERO,
      };
    const record = parsed.data;
    return {
      key: { shopId: record.id_shop, orderId: record.id },
      reference: record.reference,
      stateId: record.current_state,
      dateAdd: record.date_add,
      dateUpd: record.date_upd,
      invoiceDate: record.invoice_date,
      totalPaidTaxIncl: record.total_paid_tax_incl,
    };
  });
}
