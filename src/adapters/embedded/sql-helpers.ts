/**
 * Recognises a unique-index violation on either database: better-sqlite3 names the columns in its
 * message, PostgreSQL names the index.
 */
export function isUniqueViolation(
  error: unknown,
  index: { readonly name: string; readonly sqliteColumns: string },
): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === '23505') return constraint === index.name;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes(`UNIQUE constraint failed: ${index.sqliteColumns}`)
  );
}

/** Escapes `%`, `_` and `\` for a LIKE pattern written with `escape '\'`. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Splits a list into chunks small enough for one statement's parameters on both databases. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
