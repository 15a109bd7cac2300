/**
 * Text that goes into a GesCom field: shop data is free text (names with emoji, addresses pasted with
 * tabs and line breaks, labels longer than Sage's columns) and must fit the target's lengths without
 * ever failing an order (SPEC §3.1 "Field limits").
 *
 * Lengths are counted in UTF-16 code units (`string.length`): it is never less than the count of code
 * points, so a text that fits here also fits a target that counts characters (PostgreSQL's varchar,
 * Sage's columns) — the safe side of the two.
 */

// C0 and C1 control characters, DEL, and the invisible format characters that break columns and CSV
// exports (zero-width space, bidi overrides, BOM). Zero-width joiners are kept: emoji sequences need them.
const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]/g;
const RUNS_OF_SPACES = /[ \u00a0]{2,}|\u00a0/g;

// Text made only of printable ASCII and Latin-1 letters (no NBSP) is already clean but for its spaces:
// none of these characters changes under NFC or composes with its neighbour. Most shop data is such
// text, and `cleanText` runs on every field of every order: it is given back as it is, without the
// five copies the general path makes.
const PLAIN_TEXT = /^[\x20-\x7e\u00a1-\u00ff]*$/;
const isClean = (text: string): boolean =>
  PLAIN_TEXT.test(text) && !text.startsWith(' ') && !text.endsWith(' ') && !text.includes('  ');

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/**
 * Text without the control characters a terminal or a spreadsheet would obey (ESC sequences, BEL…) or
 * that break columns; tabs and line breaks are kept. What every output of shop data goes through.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * One clean line of text: NFC (so that `e` + combining acute becomes `é`, one character), control
 * characters removed, line breaks and tabs turned into spaces, runs of spaces made single, trimmed.
 */
export function cleanText(text: string): string {
  if (isClean(text)) return text;
  return text
    .normalize('NFC')
    .replace(LINE_BREAKS_AND_TABS, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(RUNS_OF_SPACES, ' ')
    .trim();
}

/**
 * Multi-line text (document notes): like `cleanText` but line breaks are kept (as `\n`), each line is
 * cleaned, and more than one empty line in a row is collapsed.
 */
export function cleanMultilineText(text: string): string {
  // No NFC here: `cleanText` composes each line, and no character composes across a line break.
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => cleanText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * `cleanText`, then cut to at most `maxLength` UTF-16 code units at a grapheme boundary: an emoji
 * (even a family or a flag), a surrogate pair or a letter with its combining marks is kept whole or
 * dropped whole, never broken. Trailing spaces left by the cut are removed.
 */
export function truncateText(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 0) throw new Error(`invalid maximum length ${maxLength}`);
  const clean = cleanText(text);
  if (clean.length <= maxLength) return clean;
  // Between two printable Latin-1 characters there is always a grapheme boundary (none of them extends
  // or joins its neighbour): the graphemes up to the limit are then exactly its first `maxLength` units.
  if (maxLength > 0 && PLAIN_TEXT.test(clean.slice(maxLength - 1, maxLength + 1)))
    return clean.slice(0, maxLength).trimEnd();
  let cut = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (cut.length + segment.length > maxLength) break;
    cut += segment;
  }
  return cut.trimEnd();
}
