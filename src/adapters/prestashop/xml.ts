import { XMLParser } from 'fast-xml-parser';

/**
 * PrestaShop's XML answers (every answer on 1.6, the default format everywhere, the `/api/` root) turned
 * into the same plain objects as its JSON answers, so that one set of schemas reads both:
 * `{"orders":[{…}]}` for a list, `{"order":{…}}` for a single record, strings for values.
 */

export class UnsafeXmlError extends Error {
  override readonly name = 'UnsafeXmlError';
}

/**
 * Entity expansion ("billion laughs", external entities) is refused outright: PrestaShop never sends a
 * DOCTYPE (no recorded answer under test/fixtures/prestashop/ has one), so a body that has one, even
 * without entities, is not a PrestaShop answer to trust. The whole body is searched, not the prolog
 * only: the parser reads a DOCTYPE wherever it stands.
 */
const FORBIDDEN_DECLARATION = /<!(DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Values stay text, as in 1.7's JSON: amounts are parsed as decimals later, never as floats here.
  parseTagValue: false,
  parseAttributeValue: false,
  // Names and addresses are kept byte for byte (the JSON path does not trim either).
  trimValues: false,
  // Only the five XML entities (htmlEntities off); a DOCTYPE never reaches the parser.
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type XmlNode = string | XmlElement | XmlNode[];
interface XmlElement {
  [name: string]: XmlNode;
}

/** Parses an XML body into the tree of fast-xml-parser; throws on DOCTYPE/ENTITY or malformed XML. */
export function parseXmlTree(body: string): XmlElement {
  if (FORBIDDEN_DECLARATION.test(body)) {
    throw new UnsafeXmlError(
      'XML answer refused: it declares a DOCTYPE or entities (entity expansion is not allowed)',
    );
  }
  // With validation on, the parser throws on a body without a root element and otherwise always
  // gives an object: no further check is needed.
  return parser.parse(body, true) as XmlElement;
}

/** The content of `<prestashop>`, as PrestaShop's JSON would give it. */
export function xmlToPlain(body: string): Record<string, unknown> {
  const tree = parseXmlTree(body);
  const root = tree['prestashop'];
  if (typeof root !== 'object' || Array.isArray(root)) {
    throw new Error('XML answer is not a PrestaShop document (no <prestashop> root)');
  }
  const result: Record<string, unknown> = {};
  for (const [name, node] of childEntries(root)) {
    result[name] = isListContainer(name, node) ? listItems(node) : toPlain(node);
  }
  return result;
}

function childEntries(element: XmlElement): [string, XmlNode][] {
  return Object.entries(element).filter(([name]) => !name.startsWith('@_') && name !== '#text');
}

function attribute(node: XmlNode, name: string): string | undefined {
  if (typeof node !== 'object' || Array.isArray(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `<orders><order/>…</orders>` is a list, `<order><id/>…</order>` a record: XML does not say which. A list
 * container holds only repeated items named after it (orders/order, countries/country,
 * order_histories/order_history), or nothing at all (`<orders></orders>` is an empty list).
 */
function isListContainer(name: string, node: XmlNode): boolean {
  if (typeof node === 'string') return node.trim() === '' && name.endsWith('s');
  if (Array.isArray(node)) return false;
  const [only, ...others] = childEntries(node);
  if (only === undefined) return name.endsWith('s');
  if (others.length > 0) return false;
  const [childName] = only;
  return name.startsWith(childName.slice(0, -1)) && name !== childName;
}

function listItems(node: XmlNode): unknown[] {
  if (typeof node === 'string' || Array.isArray(node)) return [];
  const children = childEntries(node);
  const first = children[0];
  if (!first) return [];
  // XML quirk: a single item is an element, not a list of one (8.1.2/02_order_carriers_order11_before_put.xml).
  const items = Array.isArray(first[1]) ? first[1] : [first[1]];
  return items.map((item) => toPlain(item));
}

function toPlain(node: XmlNode): unknown {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map((item) => toPlain(item));
  const children = childEntries(node);
  if (children.length === 0) {
    // `<order id="5" xlink:href="…"/>` (a list without display) is the record's id only
    // (1.6.1/test_import_sale_batch/001_GET_orders.response.xml).
    const id = attribute(node, 'id');
    if (id !== undefined && node['#text'] === undefined) return { id };
    const text = node['#text'];
    return typeof text === 'string' ? text : '';
  }
  const language = node['language'];
  if (language !== undefined && children.length === 1) {
    // Multilingual field (8.1.2/47_currencies_full.xml): the same shape as JSON's `[{"id":"1","value":"…"}]`.
    const entries = Array.isArray(language) ? language : [language];
    return entries.map((entry) => ({ id: attribute(entry, 'id') ?? '', value: textOf(entry) }));
  }
  const record: Record<string, unknown> = {};
  for (const [name, child] of children) {
    record[name] = name === 'associations' ? associations(child) : toPlain(child);
  }
  return record;
}

function textOf(node: XmlNode): string {
  if (typeof node === 'string') return node;
  // A language entry is never a list; one would have no `#text` either.
  const text = (node as Partial<XmlElement>)['#text'];
  return typeof text === 'string' ? text : '';
}

/** Every association is a list (`order_rows`, `taxes`…), even with one item or none. */
function associations(node: XmlNode): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  if (typeof node !== 'object' || Array.isArray(node)) return result;
  for (const [name, child] of childEntries(node)) result[name] = listItems(child);
  return result;
}
