/**
 * Compares the structure of two decoded answers: same keys, same value types (string vs number…), same
 * nesting. Arrays compare their items' union shape, so the number of records does not matter; values never
 * matter. Returns the path of the first difference, or undefined.
 */
export interface ShapeOptions {
  /** Keys missing on either side are tolerated (8.x single-record JSON omits empty fields). */
  readonly ignoreMissingKeys?: boolean;
  /** XML decoded without schema: one item is an object, several a list; treat both alike. */
  readonly xml?: boolean;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function merge(items: readonly unknown[]): unknown {
  const objects = items.filter((i) => kind(i) === 'object') as Record<string, unknown>[];
  if (objects.length === 0) return items[0];
  const out: Record<string, unknown> = {};
  for (const o of objects)
    for (const [k, v] of Object.entries(o)) if (!(k in out) || out[k] === '' || out[k] === null) out[k] = v;
  return out;
}

export function compareShape(
  recorded: unknown,
  actual: unknown,
  initial: ShapeOptions = {},
  path = '$',
): string | undefined {
  let options = initial;
  let a = recorded;
  let b = actual;
  if (options.xml) {
    if (Array.isArray(a) && !Array.isArray(b)) b = [b];
    if (!Array.isArray(a) && Array.isArray(b)) a = [a];
    // An empty XML element decodes as '' and a filled one as an object: data, not structure.
    if ((a === '' && kind(b) === 'object') || (b === '' && kind(a) === 'object')) return undefined;
  }
  if (options.xml) {
    // An element whose attributes depend on its value (xlink:href only for a non-zero id) is data.
    const text = (v: unknown): unknown =>
      kind(v) === 'object' && Object.keys(v as object).every((k) => k.startsWith('@_') || k === '#text')
        ? ((v as Record<string, unknown>)['#text'] ?? '')
        : v;
    if (kind(a) === 'string' || kind(b) === 'string') {
      a = text(a);
      b = text(b);
    }
  }
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) return `${path}: recorded ${ka}, demo shop ${kb}`;
  if (ka === 'array') {
    const ra = a as unknown[];
    const rb = b as unknown[];
    if (ra.length === 0 || rb.length === 0) return undefined;
    return compareShape(merge(ra), merge(rb), options, `${path}[]`);
  }
  if (ka === 'object') {
    const oa = a as Record<string, unknown>;
    const ob = b as Record<string, unknown>;
    const childless = (o: Record<string, unknown>): boolean =>
      Object.keys(o).every((k) => k.startsWith('@_'));
    // An empty association on one side (only its attributes): its items are data.
    if (options.xml && (childless(oa) || childless(ob))) return undefined;
    // Which associations a record carries (non-empty lists only, in JSON) is data.
    if (path.endsWith('.associations')) options = { ...options, ignoreMissingKeys: true };
    for (const key of Object.keys(oa)) {
      if (!(key in ob)) {
        if (options.ignoreMissingKeys || (options.xml && (key === '#text' || key === '@_xlink:href')))
          continue;
        return `${path}.${key}: missing in the demo shop`;
      }
      const diff = compareShape(oa[key], ob[key], options, `${path}.${key}`);
      if (diff) return diff;
    }
    if (!options.ignoreMissingKeys)
      for (const key of Object.keys(ob))
        if (!(key in oa) && !(options.xml && (key === '#text' || key === '@_xlink:href')))
          return `${path}.${key}: not in the recording`;
  }
  return undefined;
}
