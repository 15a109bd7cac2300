/**
 * Dolibarr's database connection is opened in `utf8` (3-byte) by its installer's default
 * (`$dolibarr_main_db_character_set='utf8'`), so a character beyond U+FFFF — an emoji in a product name,
 * « Savon 🫒 » — makes MariaDB refuse the whole write: HTTP 500 "Incorrect string value"
 * (test/fixtures/dolibarr/real-23.0.0-beta, exchange 004). navette drops those characters from what it
 * writes, so that the order goes in with its text otherwise intact.
 */
const BEYOND_BASIC_PLANE = /[\u{10000}-\u{10FFFF}]/gu;

/** A JSON body without the characters Dolibarr's default connection cannot store. */
export function storableJson(json: string): string {
  return json.replace(BEYOND_BASIC_PLANE, '');
}

/**
 * The JSON of an answer: the whole text, or, when Dolibarr runs with `$dolibarr_main_prod = '0'` (its
 * installer's default), its HTML "technical error" page followed by the API's JSON error (real exchange
 * 004). Undefined when no JSON is found.
 */
export function answerJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    for (let start = text.lastIndexOf('\n{'); start >= 0; start = text.lastIndexOf('\n{', start - 1)) {
      try {
        return JSON.parse(text.slice(start + 1)) as unknown;
      } catch {
        // not the start of the trailing JSON: an earlier brace may be
      }
    }
    return undefined;
  }
}
