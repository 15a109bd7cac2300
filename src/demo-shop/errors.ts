/** A webservice error answer: HTTP status and PrestaShop's error list. */
export class WebserviceError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly { readonly code: number; readonly message: string }[],
  ) {
    super(errors.map((e) => `${e.code} ${e.message}`).join('; '));
  }
}

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** PrestaShop's "Did you mean": the last of the closest names (that is what its loop keeps). */
export function closest(word: string, names: readonly string[]): string {
  let best = names[0] ?? '';
  let distance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const d = levenshtein(word, name);
    if (d <= distance) {
      distance = d;
      best = name;
    }
  }
  return best;
}
