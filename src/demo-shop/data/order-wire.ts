import type {
  HistoryRecord,
  LineRecord,
  OrderCarrierRecord,
  OrderCartRuleRecord,
  OrderRecord,
  PaymentRecord,
  WireRecord,
  WireRow,
} from './model.js';
import { CURRENCY_PRECISION, psRound, ShopDecimal, wire6 } from './shop-money.js';

/** Orders and their satellites as webservice rows (field names and 8.1.2 list types). */

const flag = (value: boolean): string => (value ? '1' : '0');

export function orderRow(o: OrderRecord): WireRow {
  const t = o.totals;
  const row: WireRow = {
    id: o.id,
    id_address_delivery: o.addressDeliveryId,
    id_address_invoice: o.addressInvoiceId,
    id_cart: o.cartId,
    id_currency: o.currencyId,
    id_lang: o.langId,
    id_customer: o.customerId,
    id_carrier: o.carrierId,
    current_state: o.currentState,
    module: o.module,
    invoice_number: o.invoiceNumber,
    invoice_date: o.invoiceDate,
    delivery_number: o.deliveryNumber,
    delivery_date: o.deliveryDate,
    valid: flag(o.valid),
    date_add: o.dateAdd,
    date_upd: o.dateUpd,
    shipping_number: o.orderCarrier?.trackingNumber ?? '',
    note: o.note,
    id_shop_group: o.shopGroupId,
    id_shop: o.shopId,
    secure_key: o.secureKey,
    payment: o.payment,
    recyclable: flag(o.recyclable),
    gift: flag(o.gift),
    gift_message: o.giftMessage,
    mobile_theme: '0',
    total_discounts: t.discountsTaxIncl,
    total_discounts_tax_incl: t.discountsTaxIncl,
    total_discounts_tax_excl: t.discountsTaxExcl,
    total_paid: t.paidTaxIncl,
    total_paid_tax_incl: t.paidTaxIncl,
    total_paid_tax_excl: t.paidTaxExcl,
    total_paid_real: o.totalPaidReal,
    total_products: t.products,
    total_products_wt: t.productsWt,
    total_shipping: t.shippingTaxIncl,
    total_shipping_tax_incl: t.shippingTaxIncl,
    total_shipping_tax_excl: t.shippingTaxExcl,
    carrier_tax_rate: t.carrierTaxRate,
    total_wrapping: t.wrappingTaxIncl,
    total_wrapping_tax_incl: t.wrappingTaxIncl,
    total_wrapping_tax_excl: t.wrappingTaxExcl,
    round_mode: o.roundMode,
    round_type: o.roundType,
    conversion_rate: o.conversionRate,
    reference: o.reference,
  };
  if (o.corrupted) Object.assign(row, o.corrupted);
  return row;
}

export function orderWire(o: OrderRecord): WireRecord {
  return {
    row: orderRow(o),
    associations: {
      order_rows: o.lines.map((l) => ({
        id: l.id,
        product_id: l.productId,
        product_attribute_id: l.combinationId,
        product_quantity: l.quantity,
        product_name: l.name,
        product_reference: l.reference,
        product_ean13: l.ean13,
        product_isbn: '',
        product_upc: '',
        product_price: l.unitTaxExcl,
        id_customization: 0,
        unit_price_tax_incl: l.unitTaxIncl,
        unit_price_tax_excl: l.unitTaxExcl,
      })),
    },
  };
}

export function detailWire(o: OrderRecord, l: LineRecord): WireRecord {
  const refunded = l.quantityRefunded;
  const refundedAmount = (unit: string): string =>
    wire6(psRound(new ShopDecimal(unit).times(refunded), CURRENCY_PRECISION, o.roundMode));
  const refundedExcl = refundedAmount(l.unitTaxExcl);
  const refundedIncl = refundedAmount(l.unitTaxIncl);
  return {
    row: {
      id: l.id,
      id_order: o.id,
      product_id: l.productId,
      product_attribute_id: l.combinationId,
      product_quantity_reinjected: 0,
      group_reduction: '0.00',
      discount_quantity_applied: 0,
      download_hash: '',
      download_deadline: '0000-00-00 00:00:00',
      id_order_invoice: o.invoiceId,
      id_warehouse: 0,
      id_shop: o.shopId,
      id_customization: 0,
      product_name: l.name,
      product_quantity: l.quantity,
      product_quantity_in_stock: l.quantity,
      product_quantity_return: 0,
      product_quantity_refunded: refunded,
      product_price: l.unitTaxExcl,
      reduction_percent: l.reductionPercent,
      reduction_amount: l.reductionAmountTaxIncl,
      reduction_amount_tax_incl: l.reductionAmountTaxIncl,
      reduction_amount_tax_excl: l.reductionAmountTaxExcl,
      product_quantity_discount: '0.000000',
      product_ean13: l.ean13,
      product_isbn: '',
      product_upc: '',
      product_mpn: '',
      product_reference: l.reference,
      product_supplier_reference: l.supplierReference,
      product_weight: l.weight,
      tax_computation_method: 0,
      id_tax_rules_group: l.taxRulesGroupId,
      ecotax: l.ecotax,
      ecotax_tax_rate: l.ecotaxTaxRate,
      download_nb: 0,
      unit_price_tax_incl: l.unitTaxIncl,
      unit_price_tax_excl: l.unitTaxExcl,
      total_price_tax_incl: l.totalTaxIncl,
      total_price_tax_excl: l.totalTaxExcl,
      total_shipping_price_tax_excl: '0.000000',
      total_shipping_price_tax_incl: '0.000000',
      purchase_supplier_price: l.wholesalePrice,
      original_product_price: l.originalPrice,
      original_wholesale_price: l.wholesalePrice,
      // Display only (refunds are not simulated further); PrestaShop stores them as computed here.
      total_refunded_tax_excl: refundedExcl,
      total_refunded_tax_incl: refundedIncl,
    },
    associations: { taxes: l.taxId ? [{ id: l.taxId }] : [] },
  };
}

export function historyWire(h: HistoryRecord): WireRecord {
  return {
    row: {
      id: h.id,
      id_employee: h.employeeId,
      id_order_state: h.stateId,
      id_order: h.orderId,
      date_add: h.date,
    },
  };
}

export function paymentWire(p: PaymentRecord): WireRecord {
  return {
    row: {
      id: p.id,
      order_reference: p.orderReference,
      id_currency: p.currencyId,
      amount: p.amount,
      payment_method: p.method,
      conversion_rate: p.conversionRate,
      transaction_id: p.transactionId,
      card_brand: p.cardBrand,
      date_add: p.date,
      id_employee: '',
    },
  };
}

export function orderCarrierWire(o: OrderRecord, c: OrderCarrierRecord): WireRecord {
  return {
    row: {
      id: c.id,
      id_order: o.id,
      id_carrier: c.carrierId,
      id_order_invoice: c.orderInvoiceId,
      weight: c.weight,
      shipping_cost_tax_excl: c.shippingTaxExcl,
      shipping_cost_tax_incl: c.shippingTaxIncl,
      tracking_number: c.trackingNumber,
      date_add: c.date,
    },
  };
}

export function orderCartRuleWire(o: OrderRecord, r: OrderCartRuleRecord): WireRecord {
  return {
    row: {
      id: r.id,
      id_order: o.id,
      id_cart_rule: r.cartRuleId,
      id_order_invoice: o.invoiceId,
      name: r.name,
      value: r.value,
      value_tax_excl: r.valueTaxExcl,
      free_shipping: flag(r.freeShipping),
      deleted: '0',
    },
  };
}
