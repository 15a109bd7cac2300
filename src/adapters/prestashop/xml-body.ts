/**
 * Request bodies for POST, PUT and PATCH. They are always XML: the webservice reads no JSON input
 * (PrestaShop issue #11099), whatever `output_format` says.
 */
export function toXmlBody(recordName: string, record: Readonly<Record<string, unknown>>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<prestashop>\n<${recordName}>\n${fields(record)}</${recordName}>\n</prestashop>\n`;
}

function fields(record: Readonly<Record<string, unknown>>): string {
  let xml = '';
  for (const [name, value] of Object.entries(record)) {
    if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new Error(`not an XML field name: ${name}`);
    xml += `<${name}>${content(value)}</${name}>\n`;
  }
  return xml;
}

function content(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    // A multilingual field read as JSON, `[{"id":"1","value":"…"}]`: written back per language.
    return value
      .map((entry: unknown) => {
        const { id, value: text } = (entry ?? {}) as { id?: unknown; value?: unknown };
        return `<language id="${escapeXml(String(id))}">${content(text)}</language>`;
      })
      .join('');
  }
  if (typeof value === 'object') return `\n${fields(value as Record<string, unknown>)}`;
  throw new Error(`cannot write ${typeof value} as XML`);
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  );
}
