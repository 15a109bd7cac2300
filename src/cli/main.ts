import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT } from './exit-codes.js';
import { speakFrench } from './french-commander.js';

/** Runs the navette CLI and returns the process exit code (a scheduler acts on it: see exit-codes.ts). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('navette')
    .description('Importe les commandes PrestaShop dans votre gestion commerciale.')
    .option('-c, --config <fichier>', 'fichier de configuration', 'navette.yaml')
    .exitOverride();
  speakFrench(program);
  let exitCode: number = EXIT.ok;
  registerCommands(program, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return exitCode;
}
