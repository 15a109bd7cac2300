import { amount } from '../../src/domain/money.js';
import type {
  CustomerAccountDraft,
  DocumentAddress,
  DocumentLineDraft,
  PaymentDraft,
  SalesDocumentDraft,
} from '../../src/domain/sales-document.js';
import { formatShopOrderKey, type ShopOrderKey } from '../../src/domain/shop-order.js';
import type { ImportRecord } from '../../src/ports/gescom-target.js';

/** Drafts and records as the sync would build them, for the contract suites. */

export const ADDRESS: DocumentAddress = {
  name: 'Camille Dupré',
  company: '',
  line1: '12 rue des Lilas',
  line2: 'Bâtiment B',
  postcode: '69003',
  city: 'Lyon',
  countryIso: 'FR',
  country: 'France',
  phone: '0472000000',
};

/** A customer's account as the sync makes it: its code is the prefix and its shop customer id (`WEB000042`). */
export function customer(overrides: Partial<CustomerAccountDraft> = {}): CustomerAccountDraft {
  const code = overrides.code ?? 'WEB000042';
  return {
    code,
    shopCustomer: overrides.generic
      ? undefined
      : { shopId: 1, customerId: Number(/\d+$/.exec(code)?.[0] ?? 0) },
    name: 'Camille Dupré',
    email: 'camille.dupre@example.fr',
    company: '',
    vatNumber: '',
    siret: '',
    phone: '0472000000',
    address: ADDRESS,
    generic: false,
    matchByEmail: false,
    ...overrides,
  };
}

export function line(overrides: Partial<DocumentLineDraft> = {}): DocumentLineDraft {
  return {
    kind: 'product',
    articleReference: 'THE-VERT-100',
    createArticle: true,
    label: 'Thé vert Sencha 100 g',
    quantity: amount('2'),
    unitPriceTaxExcl: amount('12.5'),
    unitPriceTaxIncl: amount('15'),
    discountPercent: amount('0'),
    discountAmountTaxExcl: amount('0'),
    vatRate: amount('20'),
    totalTaxExcl: amount('25'),
    totalTaxIncl: amount('30'),
    ecotaxTaxExcl: amount('0'),
    sourceLineId: 501,
    ...overrides,
  };
}

/** A card payment of the whole default draft (23.95), on its date. */
export function payment(overrides: Partial<PaymentDraft> = {}): PaymentDraft {
  return {
    modeCode: 'CB',
    journal: '',
    amount: amount('23.95'),
    date: '2025-03-10',
    transactionId: '',
    label: '',
    ...overrides,
  };
}

/** A quote of 2 teas at 5.5 %, shipping at 20 % with six-decimal prices and a discount line. */
export function draft(key: ShopOrderKey, overrides: Partial<SalesDocumentDraft> = {}): SalesDocumentDraft {
  return {
    type: 'quote',
    status: 'draft',
    date: '2025-03-10',
    customer: customer(),
    billingAddress: ADDRESS,
    deliveryAddress: { ...ADDRESS, line2: '' },
    reference: `XKBKNABJK-${key.orderId}`,
    remark: `Commande web n° ${key.orderId} — Chèque`,
    notes: 'Merci de livrer avant midi.',
    externalKey: formatShopOrderKey(key),
    shopReference: `XKBKNABJK-${key.orderId}`,
    currency: 'EUR',
    conversionRate: amount('1'),
    series: '',
    warehouse: '',
    shippingMode: 'COLISSIMO',
    lines: [
      line({
        unitPriceTaxExcl: amount('9.478673'),
        unitPriceTaxIncl: amount('10'),
        vatRate: amount('5.5'),
        totalTaxExcl: amount('18.957346'),
        totalTaxIncl: amount('20'),
      }),
      line({
        kind: 'shipping',
        articleReference: 'PORT',
        createArticle: false,
        label: 'Colissimo',
        quantity: amount('1'),
        unitPriceTaxExcl: amount('4.958333'),
        unitPriceTaxIncl: amount('5.95'),
        totalTaxExcl: amount('4.958333'),
        totalTaxIncl: amount('5.95'),
        sourceLineId: undefined,
      }),
      line({
        kind: 'discount',
        articleReference: 'REMISE',
        createArticle: false,
        label: 'Code BIENVENUE',
        quantity: amount('1'),
        unitPriceTaxExcl: amount('-1.895735'),
        unitPriceTaxIncl: amount('-2'),
        vatRate: amount('5.5'),
        totalTaxExcl: amount('-1.895735'),
        totalTaxIncl: amount('-2'),
        sourceLineId: undefined,
      }),
    ],
    totals: { taxExcl: amount('22.019944'), tax: amount('1.930056'), taxIncl: amount('23.95') },
    shopTotals: { taxExcl: amount('22.02'), taxIncl: amount('23.95') },
    payments: [],
    ...overrides,
  };
}

export function record(key: ShopOrderKey, overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    key,
    orderReference: `XKBKNABJK-${key.orderId}`,
    orderStateId: 1,
    runId: 'run-contract',
    stateChanges: [],
    ...overrides,
  };
}
