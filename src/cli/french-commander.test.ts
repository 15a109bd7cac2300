import { describe, expect, it } from 'vitest';
import { frenchError, navetteVersion } from './french-commander.js';

describe('commander in French', () => {
  it.each([
    [
      "error: unknown command 'imprt'\n(Did you mean import?)",
      'navette : commande inconnue « imprt »\n(vouliez-vous dire import ?)\n',
    ],
    ["error: unknown option '--shopp'", 'navette : option inconnue « --shopp »\n'],
    ["error: option '--limit <n>' argument missing", 'navette : l’option --limit <n> attend une valeur\n'],
    [
      "error: too many arguments for 'runs'. Expected 1 argument but got 2.",
      'navette : trop d’arguments : 1 attendu(s), 2 donné(s)\n',
    ],
  ])('translates %j', (english, french) => {
    expect(frenchError(english)).toBe(french);
  });

  it('knows its version', () => {
    expect(navetteVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
