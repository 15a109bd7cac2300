/**
 * The values a French message was written from (an outcome's reason, a connection check's problem), read
 * to write it in another language. A value missing, or not of the kind asked, makes `englishOr` show the
 * French text instead: a message kept before its values were, or whose values this version does not
 * know, is still shown rather than not at all.
 */
export class MessageValues {
  constructor(
    private readonly data: Readonly<Record<string, string | number | boolean | readonly string[]>>,
  ) {}

  text(name: string): string {
    const value = this.data[name];
    if (value === undefined || Array.isArray(value)) missingValue();
    return String(value);
  }

  /** A value a wording may go without (an HTTP status not always known). */
  optionalText(name: string): string | undefined {
    return this.data[name] === undefined ? undefined : this.text(name);
  }

  flag(name: string): boolean {
    const value = this.data[name];
    if (typeof value !== 'boolean') missingValue();
    return value;
  }

  codes(name: string): readonly string[] {
    const value = this.data[name];
    if (!Array.isArray(value)) missingValue();
    return value as readonly string[];
  }

  /** A value that names an entry of `names` (a purpose, a document type…), by the entry's text. */
  named(name: string, names: Readonly<Record<string, string>>): string {
    const key = this.text(name);
    const named = Object.hasOwn(names, key) ? names[key] : undefined;
    if (named === undefined) missingValue();
    return named;
  }
}

class MissingValue extends Error {}

/** For a renderer that meets a value it cannot say (a case it does not know): the French text is shown. */
export function missingValue(): never {
  throw new MissingValue();
}

/** `english()`, or `french` when a value it reads is missing. */
export function englishOr(french: string, english: () => string): string {
  try {
    return english();
  } catch (error) {
    if (error instanceof MissingValue) return french;
    throw error;
  }
}
