const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/**
 * Fits `text` into a field of `maxCharacters` characters (Unicode code points, as PostgreSQL and Sage
 * count them) without ever failing: a long name is cut, cleanly — never inside a character a person sees
 * as one (an emoji with its modifiers, a letter with its accent), and without trailing spaces.
 * Text is normalised to NFC first so that "é" counts as one character however the shop sent it.
 */
export function cutText(text: string, maxCharacters: number): string {
  const normalised = text.normalize('NFC');
  if (codePointLength(normalised) <= maxCharacters) return normalised;
  let kept = '';
  let length = 0;
  for (const { segment } of graphemes.segment(normalised)) {
    const segmentLength = codePointLength(segment);
    if (length + segmentLength > maxCharacters) break;
    kept += segment;
    length += segmentLength;
  }
  return kept.trimEnd();
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}
