import {
  CARRIERS,
  CART_RULES,
  COUNTRIES,
  CURRENCIES,
  PRODUCTS,
  SHOPS,
  STATES,
  TAX_GROUPS,
  TAXES,
} from './catalogue.js';
import { SHOP_TIME_ZONE } from './local-time.js';
import type { WireRecord } from './model.js';
import { SHOP_ROUND_MODE, SHOP_ROUND_TYPE } from './shop-money.js';

/** The catalogue as webservice records (sparse rows: the schema supplies every other field). */

export type Language = 'fr' | 'en';

const flag = (value: boolean): string => (value ? '1' : '0');
const CATALOGUE_DATE = '2026-01-05 09:00:00';

export function orderStateRecords(language: Language): WireRecord[] {
  return STATES.map((s) => ({
    row: {
      id: s.id,
      unremovable: '1',
      delivery: flag(s.delivery),
      hidden: '0',
      send_email: flag(s.sendEmail),
      module_name: s.moduleName,
      invoice: flag(s.invoice),
      color: s.color,
      logable: flag(s.logable),
      shipped: flag(s.shipped),
      paid: flag(s.paid),
      pdf_delivery: '0',
      pdf_invoice: flag(s.pdfInvoice),
      deleted: '0',
      name: language === 'en' ? s.nameEn : s.name,
      template: s.template,
    },
  }));
}

export function taxRecords(): WireRecord[] {
  return TAXES.map((t) => ({ row: { id: t.id, rate: t.rate, active: '1', deleted: '0', name: t.name } }));
}

export function taxRuleGroupRecords(): WireRecord[] {
  return TAX_GROUPS.map((g) => ({
    row: {
      id: g.id,
      name: g.name,
      active: '1',
      deleted: '0',
      date_add: CATALOGUE_DATE,
      date_upd: CATALOGUE_DATE,
    },
  }));
}

/**
 * One rule per group and country: the group's French tax in France, 0 % elsewhere (the demo's orders
 * are French; a shop's own country is PS_COUNTRY_DEFAULT).
 */
export function taxRuleRecords(): WireRecord[] {
  return TAX_GROUPS.flatMap((group) =>
    COUNTRIES.map((country) => ({
      row: {
        id: group.id * 100 + country.id,
        id_tax_rules_group: group.id,
        id_state: 0,
        id_country: country.id,
        zipcode_from: '0',
        zipcode_to: '0',
        id_tax: country.isoCode === 'FR' ? group.taxId : 0,
        behavior: 0,
        description: '',
      },
    })),
  );
}

export function currencyRecords(): WireRecord[] {
  return CURRENCIES.map((c) => ({
    row: {
      id: c.id,
      names: c.names,
      name: c.name,
      symbol: c.symbol,
      iso_code: c.isoCode,
      numeric_iso_code: c.numericIsoCode,
      precision: 2,
      conversion_rate: c.conversionRate,
      deleted: 0,
      active: 1,
      unofficial: 0,
      modified: 0,
      pattern: '',
    },
  }));
}

export function countryRecords(language: Language): WireRecord[] {
  return COUNTRIES.map((c) => ({
    row: {
      id: c.id,
      id_zone: c.zoneId,
      id_currency: 0,
      call_prefix: c.callPrefix,
      iso_code: c.isoCode,
      active: '1',
      contains_states: c.isoCode === 'US' ? '1' : '0',
      need_identification_number: '0',
      need_zip_code: '1',
      zip_code_format: c.zipFormat,
      display_tax_label: '1',
      name: language === 'en' ? c.nameEn : c.name,
    },
  }));
}

export function carrierRecords(language: Language): WireRecord[] {
  return CARRIERS.map((c) => ({
    row: {
      id: c.id,
      deleted: flag(c.deleted),
      is_module: '0',
      id_tax_rules_group: c.taxGroupId,
      id_reference: c.referenceId,
      name: c.name,
      active: flag(!c.deleted),
      is_free: flag(c.isFree),
      url: c.name.startsWith('Colissimo') ? 'https://www.laposte.fr/outils/suivre-vos-envois?code=@' : '',
      shipping_handling: '0',
      shipping_external: '0',
      range_behavior: '0',
      shipping_method: c.isFree ? 1 : 2,
      max_weight: '0.000000',
      need_range: '0',
      position: c.position,
      delay: language === 'en' ? c.delayEn : c.delay,
    },
  }));
}

export function languageRecords(language: Language): WireRecord[] {
  return [
    {
      row:
        language === 'en'
          ? {
              id: 1,
              name: 'English (English)',
              iso_code: 'en',
              locale: 'en-US',
              language_code: 'en-us',
              active: 1,
              is_rtl: 0,
              date_format_lite: 'm/d/Y',
              date_format_full: 'm/d/Y H:i:s',
            }
          : {
              id: 1,
              name: 'Français (French)',
              iso_code: 'fr',
              locale: 'fr-FR',
              language_code: 'fr',
              active: 1,
              is_rtl: 0,
              date_format_lite: 'd/m/Y',
              date_format_full: 'd/m/Y H:i:s',
            },
    },
  ];
}

export function shopRecords(): WireRecord[] {
  return SHOPS.map((s) => ({
    row: {
      id: s.id,
      id_shop_group: s.shopGroupId,
      id_category: 2,
      active: 1,
      deleted: 0,
      name: s.name,
      color: '',
      theme_name: 'classic',
    },
  }));
}

export function shopGroupRecords(): WireRecord[] {
  return [
    {
      row: {
        id: 1,
        name: 'Default',
        color: '',
        share_customer: 0,
        share_order: 0,
        share_stock: 0,
        active: 1,
        deleted: 0,
      },
    },
  ];
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

let stockId = 100;

export function productRecords(): WireRecord[] {
  stockId = 100;
  return PRODUCTS.map((p) => {
    const first = p.combinations[0];
    const stock = [{ id: (stockId += 1), id_product_attribute: 0 }];
    for (const c of p.combinations) stock.push({ id: (stockId += 1), id_product_attribute: c.id });
    return {
      row: {
        id: p.id,
        id_category_default: p.categoryId,
        id_default_image: p.isVirtual ? '' : p.id * 10,
        cache_default_attribute: first?.id ?? 0,
        id_default_combination: first?.id ?? 0,
        id_tax_rules_group: p.taxGroupId,
        manufacturer_name: false,
        quantity: 0,
        type: p.combinations.length > 0 ? 'combinations' : p.isVirtual ? 'virtual' : 'simple',
        id_shop_default: 1,
        reference: p.reference,
        supplier_reference: p.supplierReference,
        weight: p.weight,
        ean13: p.ean13,
        is_virtual: flag(p.isVirtual),
        state: 1,
        additional_delivery_times: 1,
        product_type: p.combinations.length > 0 ? 'combinations' : p.isVirtual ? 'virtual' : 'standard',
        ecotax: p.ecotax,
        minimal_quantity: 1,
        price: p.price,
        wholesale_price: p.wholesalePrice,
        active: '1',
        redirect_type: 'default',
        available_for_order: '1',
        condition: 'new',
        show_price: '1',
        indexed: '1',
        visibility: 'both',
        date_add: CATALOGUE_DATE,
        date_upd: CATALOGUE_DATE,
        pack_stock_type: 3,
        link_rewrite: slug(p.name),
        name: p.name,
        description_short: `<p>${p.name}</p>`,
      },
      associations: {
        categories: [{ id: 2 }, ...(p.categoryId === 2 ? [] : [{ id: p.categoryId }])],
        ...(p.combinations.length > 0 ? { combinations: p.combinations.map((c) => ({ id: c.id })) } : {}),
        stock_availables: stock,
      },
    };
  });
}

export function combinationRecords(): WireRecord[] {
  return PRODUCTS.flatMap((p) =>
    p.combinations.map((c) => ({
      row: {
        id: c.id,
        id_product: p.id,
        ean13: c.ean13,
        reference: c.reference,
        price: c.priceImpact,
        minimal_quantity: 1,
        default_on: flag(c.defaultOn),
      },
      associations: {
        product_option_values: c.optionValueIds.map((id) => ({ id })),
        images: [{ id: p.id * 10 }],
      },
    })),
  );
}

export function cartRuleRecords(): WireRecord[] {
  return CART_RULES.map((r) => ({
    row: {
      id: r.id,
      date_from: '2026-01-01 00:00:00',
      date_to: '2030-12-31 23:59:59',
      description: r.name,
      quantity: 9999,
      quantity_per_user: 1,
      priority: 1,
      code: r.code,
      minimum_amount: `${r.minimum}.000000`,
      minimum_amount_tax: '1',
      minimum_amount_currency: 1,
      free_shipping: flag(r.kind === 'free_shipping'),
      reduction_percent: r.percent,
      reduction_amount: `${r.amount}.000000`,
      reduction_tax: '1',
      reduction_currency: 1,
      active: '1',
      date_add: CATALOGUE_DATE,
      date_upd: CATALOGUE_DATE,
      name: r.name,
    },
  }));
}

export function configurationRecords(): WireRecord[] {
  const values: readonly (readonly [string, string])[] = [
    ['PS_TIMEZONE', SHOP_TIME_ZONE],
    ['PS_LANG_DEFAULT', '1'],
    ['PS_CURRENCY_DEFAULT', '1'],
    ['PS_COUNTRY_DEFAULT', '8'],
    ['PS_SHOP_DEFAULT', '1'],
    ['PS_MULTISHOP_FEATURE_ACTIVE', '1'],
    ['PS_PRICE_ROUND_MODE', String(SHOP_ROUND_MODE)],
    ['PS_ROUND_TYPE', String(SHOP_ROUND_TYPE)],
    ['PS_GIFT_WRAPPING', '1'],
    ['PS_GIFT_WRAPPING_PRICE', '2'],
    ['PS_OS_PAYMENT', '2'],
    ['PS_OS_PREPARATION', '3'],
    ['PS_OS_SHIPPING', '4'],
    ['PS_OS_DELIVERED', '5'],
    ['PS_OS_CANCELED', '6'],
    ['PS_OS_REFUND', '7'],
    ['PS_OS_ERROR', '8'],
  ];
  return values.map(([name, value], i) => ({
    row: { id: i + 1, value, name, date_add: CATALOGUE_DATE, date_upd: CATALOGUE_DATE },
  }));
}
