import type { AssociationItem, WireRecord, WireValue } from './data/model.js';
import type { Display } from './query-language.js';
import type { AssociationSchema, FieldSchema, ResourceSchema } from './shapes/schema-types.js';
import type { PrestaShopVersion } from './version.js';

/** Turns webservice records into PrestaShop's JSON and XML, per version. */

export interface RenderContext {
  readonly version: PrestaShopVersion;
  /** `http://host/api/` prefix of every xlink. */
  readonly apiBase: string;
  readonly resource: string;
  readonly singular: string;
  readonly schema: ResourceSchema;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** PHP's empty(): what 8.x leaves out of a single record in JSON. */
function phpEmpty(value: JsonValue): boolean {
  return value === '' || value === '0' || value === 0 || value === null || value === false;
}

function raw(record: WireRecord, field: FieldSchema): WireValue {
  const value = record.row[field.name];
  return value === undefined ? field.default : value;
}

function jsonScalar(
  value: WireValue,
  type: FieldSchema['type'],
  version: PrestaShopVersion,
  allText: boolean,
): JsonValue {
  if (allText || version !== '8')
    return value === null || value === false ? '' : value === true ? '1' : String(value);
  if (type === 'int') return typeof value === 'number' ? value : value === '' ? '' : Number(value ?? 0);
  if (type === 'null') return value === null || value === '' ? null : String(value);
  if (type === 'bool') return typeof value === 'boolean' ? value : Boolean(value);
  return value === null ? '' : String(value);
}

function selectedFields(ctx: RenderContext, display: Display): readonly FieldSchema[] {
  if (display.kind === 'fields') return ctx.schema.fields.filter((f) => display.fields.includes(f.name));
  return ctx.schema.fields;
}

function jsonAssociations(
  ctx: RenderContext,
  record: WireRecord,
  allText: boolean,
): Record<string, JsonValue> | undefined {
  const out: Record<string, JsonValue> = {};
  let any = false;
  const known = new Map(ctx.schema.associations.map((a) => [a.name, a]));
  for (const [name, items] of Object.entries(record.associations ?? {})) {
    if (items.length === 0) continue;
    const schema = known.get(name);
    out[name] = items.map((item) => {
      const obj: Record<string, JsonValue> = {};
      for (const [key, value] of Object.entries(item)) {
        const type =
          schema?.fields.find((f) => f.name === key)?.type ?? (typeof value === 'number' ? 'int' : 'str');
        obj[key] = jsonScalar(value, type, ctx.version, allText);
      }
      return obj;
    });
    any = true;
  }
  return any ? out : undefined;
}

export interface JsonOptions {
  /** Single record (8.x omits its empty fields). */
  readonly single?: boolean;
  /** Answer of a PUT/POST: every value as a string. */
  readonly allText?: boolean;
}

export function jsonRecord(
  ctx: RenderContext,
  record: WireRecord,
  display: Display,
  options: JsonOptions = {},
): Record<string, JsonValue> {
  const allText = options.allText ?? false;
  const out: Record<string, JsonValue> = {};
  for (const field of selectedFields(ctx, display)) {
    const value = jsonScalar(raw(record, field), field.type, ctx.version, allText);
    if (options.single && !allText && ctx.version === '8' && phpEmpty(value)) continue;
    out[field.name] = value;
  }
  if (display.kind !== 'fields') {
    const associations = jsonAssociations(ctx, record, allText);
    if (associations) out['associations'] = associations;
  }
  return out;
}

/** PHP's json_encode escapes slashes; keep the bytes alike. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, '\\/');
}

export function jsonList(ctx: RenderContext, records: readonly WireRecord[], display: Display): string {
  // An empty list is `[]`, not `{"orders":[]}` (recorded 77_empty_list.json).
  if (records.length === 0) return '[]';
  const items =
    display.kind === 'ids'
      ? records.map((r) => ({ id: ctx.version === '8' ? Number(r.row['id']) : String(r.row['id']) }))
      : records.map((r) => jsonRecord(ctx, r, display));
  return phpJson({ [ctx.resource]: items });
}

export function jsonSingle(ctx: RenderContext, record: WireRecord, options: JsonOptions = {}): string {
  return phpJson({ [ctx.singular]: jsonRecord(ctx, record, { kind: 'full' }, { single: true, ...options }) });
}

// ---- XML

const XML_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n';
const XML_TAIL = '</prestashop>\n';

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function xmlText(value: WireValue): string {
  if (value === null || value === false) return '';
  if (value === true) return '1';
  return String(value);
}

function xmlValue(ctx: RenderContext, text: string): string {
  // 1.6 writes empty values without a CDATA section.
  return text === '' && ctx.version === '1.6' ? '' : cdata(text);
}

// PrestaShop links an id only when it is set, except these two it always links (recorded).
const ALWAYS_LINKED = new Set(['id_customization', 'product_attribute_id']);
const linked = (name: string, text: string): boolean =>
  ALWAYS_LINKED.has(name) || (text !== '' && text !== '0');

function xmlField(ctx: RenderContext, field: FieldSchema, value: WireValue): string {
  const text = xmlText(value);
  let attrs = '';
  if (field.href && linked(field.name, text))
    attrs += ` xlink:href="${escapeAttribute(`${ctx.apiBase}${field.href}/${text}`)}"`;
  if (field.notFilterable) attrs += ' notFilterable="true"';
  if (field.i18n) {
    const lang = `<language id="1" xlink:href="${escapeAttribute(`${ctx.apiBase}languages/1`)}">${xmlValue(ctx, text)}</language>`;
    return `\t<${field.name}${attrs}>${lang}</${field.name}>\n`;
  }
  return `\t<${field.name}${attrs}>${xmlValue(ctx, text)}</${field.name}>\n`;
}

function xmlAssociation(
  ctx: RenderContext,
  schema: AssociationSchema,
  items: readonly AssociationItem[],
): string {
  let attrs = ` nodeType="${schema.nodeType}"`;
  if (schema.api) attrs += ` api="${schema.api}"`;
  if (schema.virtualEntity) attrs += ' virtualEntity="true"';
  if (items.length === 0) return `<${schema.name}${attrs}/>\n`;
  let out = `<${schema.name}${attrs}>\n`;
  for (const item of items) {
    const href =
      schema.itemHref && schema.api
        ? ` xlink:href="${escapeAttribute(`${ctx.apiBase}${schema.api}/${String(item['id'])}`)}"`
        : '';
    out += `\t<${schema.nodeType}${href}>\n`;
    const fields = schema.fields.length > 0 ? schema.fields.map((f) => f.name) : Object.keys(item);
    for (const name of fields) {
      const value = item[name];
      if (value === undefined) continue;
      const fieldHref = schema.fields.find((f) => f.name === name)?.href;
      const a = fieldHref
        ? ` xlink:href="${escapeAttribute(`${ctx.apiBase}${fieldHref}/${String(value)}`)}"`
        : '';
      out += `\t<${name}${a}>${xmlValue(ctx, String(value))}</${name}>\n`;
    }
    out += `\t</${schema.nodeType}>\n`;
  }
  return `${out}</${schema.name}>\n`;
}

export function xmlRecord(ctx: RenderContext, record: WireRecord, display: Display): string {
  let out = `<${ctx.singular}>\n`;
  for (const field of selectedFields(ctx, display)) out += xmlField(ctx, field, raw(record, field));
  if (display.kind !== 'fields' && ctx.schema.associations.length > 0) {
    out += '<associations>\n';
    for (const schema of ctx.schema.associations)
      out += xmlAssociation(ctx, schema, record.associations?.[schema.name] ?? []);
    out += '</associations>\n';
  }
  return `${out}</${ctx.singular}>\n`;
}

export function xmlList(ctx: RenderContext, records: readonly WireRecord[], display: Display): string {
  let out = `${XML_HEAD}<${ctx.resource === 'order_discounts' ? 'order_cart_rules' : ctx.resource}>\n`;
  for (const record of records) {
    if (display.kind === 'ids') {
      const id = String(record.row['id']);
      out += `<${ctx.singular} id="${id}" xlink:href="${escapeAttribute(`${ctx.apiBase}${ctx.resource}/${id}`)}"/>\n`;
    } else out += xmlRecord(ctx, record, display);
  }
  return `${out}</${ctx.resource === 'order_discounts' ? 'order_cart_rules' : ctx.resource}>\n${XML_TAIL}`;
}

export function xmlSingle(ctx: RenderContext, record: WireRecord): string {
  return `${XML_HEAD}${xmlRecord(ctx, record, { kind: 'full' })}${XML_TAIL}`;
}

export function xmlErrors(errors: readonly { readonly code: number; readonly message: string }[]): string {
  let out = `${XML_HEAD}<errors>\n`;
  for (const e of errors)
    out += `<error>\n<code>${cdata(String(e.code))}</code>\n<message>${cdata(e.message)}</message>\n</error>\n`;
  return `${out}</errors>\n${XML_TAIL}`;
}

export function jsonErrors(errors: readonly { readonly code: number; readonly message: string }[]): string {
  return phpJson({ errors });
}

export { XML_HEAD, XML_TAIL };
