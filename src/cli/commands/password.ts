import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { loadConfig, saveConfig } from '../../config/load-config.js';
import { hashPassword } from '../../web/auth/password.js';
import { action, configPathOf } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

/** The web UI's password, stored hashed (scrypt) in the config; never in clear anywhere. */
export function registerPassword(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('password')
    .description("Définit le mot de passe de l'interface web (NAVETTE_WEB_PASSWORD, ou demandé au clavier).")
    .action(
      action(setExitCode, async (_options: unknown, command: Command) => {
        const password = process.env['NAVETTE_WEB_PASSWORD'] ?? (await ask('Nouveau mot de passe : '));
        if (password === undefined || password.length < 8) {
          process.stderr.write(
            'navette : il faut un mot de passe de 8 caractères au moins (NAVETTE_WEB_PASSWORD, ou au clavier).\n',
          );
          return EXIT.usage;
        }
        const path = configPathOf(command);
        const config = await loadConfig(path);
        await saveConfig(path, {
          ...config,
          web: { ...config.web, passwordHash: await hashPassword(password) },
        });
        process.stdout.write(`✓ Mot de passe enregistré (haché) dans ${path}.\n`);
        return EXIT.ok;
      }),
    );
}

/** Asks on a terminal without echoing what is typed; undefined when there is no terminal. */
async function ask(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  process.stdout.write(question);
  // Readline echoes to its output: give it one that drops everything.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const input = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return (await input.question('')).trim();
  } finally {
    input.close();
    process.stdout.write('\n');
  }
}
