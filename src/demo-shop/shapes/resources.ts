import type { PrestaShopVersion } from '../version.js';
import type { AssociationSchema, FieldSchema, ResourceSchema } from './schema-types.js';
import { SCHEMA_8 } from './schema-8.js';
import { SCHEMA_16 } from './schema-16.js';

/** A resource the demo shop serves: its wire names and the description `GET /api/` shows. */
export interface ResourceInfo {
  readonly name: string;
  readonly singular: string;
  readonly description: string;
}

const INFO: readonly ResourceInfo[] = [
  { name: 'addresses', singular: 'address', description: 'The Customer, Brand and Customer addresses' },
  { name: 'carriers', singular: 'carrier', description: 'The Carriers' },
  { name: 'cart_rules', singular: 'cart_rule', description: 'Cart rules management' },
  { name: 'combinations', singular: 'combination', description: 'The product combinations' },
  { name: 'configurations', singular: 'configuration', description: 'Shop configuration' },
  { name: 'countries', singular: 'country', description: 'The countries' },
  { name: 'currencies', singular: 'currency', description: 'The currencies' },
  { name: 'customer_messages', singular: 'customer_message', description: 'Customer services messages' },
  { name: 'customer_threads', singular: 'customer_thread', description: 'Customer services threads' },
  { name: 'customers', singular: 'customer', description: "The e-shop's customers" },
  { name: 'languages', singular: 'language', description: 'Shop languages' },
  { name: 'order_carriers', singular: 'order_carrier', description: 'The Order carriers' },
  { name: 'order_cart_rules', singular: 'order_cart_rule', description: 'The Order cart rules' },
  // 1.6 names the same table order_discounts, and still wraps its answers in order_cart_rules.
  { name: 'order_discounts', singular: 'order_cart_rule', description: 'The Order discounts' },
  { name: 'order_details', singular: 'order_detail', description: 'Details of an order' },
  { name: 'order_histories', singular: 'order_history', description: 'The Order histories' },
  { name: 'order_payments', singular: 'order_payment', description: 'The Order payments' },
  { name: 'order_states', singular: 'order_state', description: 'The Order statuses' },
  { name: 'orders', singular: 'order', description: 'The Customers orders' },
  { name: 'products', singular: 'product', description: 'The products' },
  { name: 'shop_groups', singular: 'shop_group', description: 'Shop groups from multi-shop feature' },
  { name: 'shops', singular: 'shop', description: 'Shops from multi-shop feature' },
  { name: 'tax_rule_groups', singular: 'tax_rule_group', description: 'Tax rule groups' },
  { name: 'tax_rules', singular: 'tax_rule', description: 'Tax rules entity' },
  { name: 'taxes', singular: 'tax', description: 'The tax rate' },
];

const BY_NAME = new Map(INFO.map((info) => [info.name, info]));

/** Resources of a version: 1.6 has order_discounts instead of order_cart_rules. */
export function resourcesOf(version: PrestaShopVersion): readonly ResourceInfo[] {
  return INFO.filter((info) =>
    version === '1.6' ? info.name !== 'order_cart_rules' : info.name !== 'order_discounts',
  );
}

export function resourceInfo(version: PrestaShopVersion, name: string): ResourceInfo | undefined {
  const info = BY_NAME.get(name);
  if (!info) return undefined;
  return resourcesOf(version).includes(info) ? info : undefined;
}

const CONFIGURATIONS: ResourceSchema = {
  fields: [
    { name: 'id', type: 'int', default: 0 },
    { name: 'value', type: 'str', default: '' },
    { name: 'name', type: 'str', default: '' },
    { name: 'id_shop_group', type: 'int', default: 0 },
    { name: 'id_shop', type: 'int', default: 0 },
    { name: 'date_add', type: 'str', default: '0000-00-00 00:00:00' },
    { name: 'date_upd', type: 'str', default: '0000-00-00 00:00:00' },
  ],
  associations: [],
};

function required(schema: ResourceSchema | undefined, name: string): ResourceSchema {
  if (!schema) throw new Error(`no schema for ${name}`);
  return schema;
}

/** 1.6 knows neither `deleted` on order cart rules nor the 1.7+ product fields: drop them. */
function without(schema: ResourceSchema, names: readonly string[]): ResourceSchema {
  return { ...schema, fields: schema.fields.filter((field) => !names.includes(field.name)) };
}

function asText(schema: ResourceSchema): ResourceSchema {
  const text = (field: FieldSchema): FieldSchema => ({
    ...field,
    type: 'str',
    default: field.default === null || field.default === false ? '' : String(field.default),
  });
  const assoc = (a: AssociationSchema): AssociationSchema => ({
    ...a,
    fields: a.fields.map((f) => ({ ...f, type: 'str' as const })),
  });
  return { fields: schema.fields.map(text), associations: schema.associations.map(assoc) };
}

const cache = new Map<string, ResourceSchema>();

/** The field set of a resource in a version (1.7 uses 8.1.2's set; its JSON turns every value to text). */
export function schemaOf(version: PrestaShopVersion, resource: string): ResourceSchema {
  const key = `${version}/${resource}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let schema: ResourceSchema;
  if (resource === 'configurations') schema = CONFIGURATIONS;
  else if (version === '1.6') {
    if (resource === 'order_discounts')
      schema = asText(without(required(SCHEMA_8['order_cart_rules'], resource), ['deleted']));
    else schema = SCHEMA_16[resource] ?? asText(required(SCHEMA_8[resource], resource));
  } else schema = required(SCHEMA_8[resource], resource);
  cache.set(key, schema);
  return schema;
}
