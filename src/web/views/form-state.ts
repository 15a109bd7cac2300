import type { ConfigIssue } from '../../config/load-config.js';
import { flattenPaths } from '../field-paths.js';

/**
 * What a settings form shows: the values (from the saved config, or as the user typed them when saving
 * failed) and the validation issues by field path.
 */
export class FormState {
  private constructor(
    private readonly values: ReadonlyMap<string, readonly string[]>,
    private readonly issues: ReadonlyMap<string, readonly string[]>,
  ) {}

  static fromConfig(config: object): FormState {
    const values = new Map<string, string[]>();
    for (const [path, value] of flattenPaths(config)) {
      if (Array.isArray(value)) {
        values.set(
          path,
          value.filter((item) => typeof item === 'string' || typeof item === 'number').map(String),
        );
      } else if (typeof value === 'boolean') {
        values.set(path, value ? ['on'] : []);
      } else if (typeof value === 'string' || typeof value === 'number') {
        values.set(path, [String(value)]);
      } else {
        values.set(path, ['']);
      }
    }
    return new FormState(values, new Map());
  }

  static fromSubmission(
    body: Readonly<Record<string, readonly string[]>>,
    issues: readonly ConfigIssue[],
  ): FormState {
    const byPath = new Map<string, string[]>();
    for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
    return new FormState(new Map(Object.entries(body)), byPath);
  }

  text(path: string): string {
    return this.values.get(path)?.[0] ?? '';
  }

  all(path: string): readonly string[] {
    return this.values.get(path) ?? [];
  }

  checked(path: string, value = 'on'): boolean {
    return this.all(path).includes(value);
  }

  error(path: string): string | undefined {
    const messages = this.issues.get(path);
    return messages === undefined ? undefined : messages.join(' ; ');
  }

  get hasErrors(): boolean {
    return this.issues.size > 0;
  }

  /** Issues whose path is not one of the page's fields (shown together at the top of the form). */
  otherIssues(fieldPaths: ReadonlySet<string>): { path: string; message: string }[] {
    return [...this.issues]
      .filter(([path]) => !fieldPaths.has(path))
      .map(([path, messages]) => ({ path, message: messages.join(' ; ') }));
  }
}
