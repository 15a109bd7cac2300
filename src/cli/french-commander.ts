import { readFileSync } from 'node:fs';
import type { Command, Help, Option } from 'commander';

/** The product's version, from its package.json (two folders up from src/cli/ and dist/cli/ alike). */
export function navetteVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options générales :',
};

/** commander's error messages, in the words a French user reads (the program's own are French already). */
const ERRORS: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown command '(.*)'/, 'commande inconnue « $1 »'],
  [/^error: unknown option '(.*)'/, 'option inconnue « $1 »'],
  [/^error: option '(.*)' argument missing/, 'l’option $1 attend une valeur'],
  [/^error: option '(.*)' argument '(.*)' is invalid\./, 'valeur invalide « $2 » pour l’option $1.'],
  [/Allowed choices are (.*)\./, 'Valeurs permises : $1.'],
  [/^error: missing required argument '(.*)'/, 'argument obligatoire manquant : $1'],
  [/^error: required option '(.*)' not specified/, 'l’option $1 est obligatoire'],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    'trop d’arguments : $2 attendu(s), $3 donné(s)',
  ],
  [/^error: (.*) cannot be used with (.*)/, '$1 ne peut pas aller avec $2'],
  [/\(Did you mean one of (.*)\?\)/, '(vouliez-vous dire l’une de : $1 ?)'],
  [/\(Did you mean (.*)\?\)/, '(vouliez-vous dire $1 ?)'],
  [/^error: /, ''],
];

export function frenchError(text: string): string {
  const translated = ERRORS.reduce(
    (message, [pattern, french]) => message.replace(pattern, french),
    text.replace(/\n$/, ''),
  );
  return `navette : ${translated}\n`;
}

/**
 * commander speaks English (Usage, default:, display help for command, error: unknown command): the
 * help, its titles and its errors are given in French, for the program and every command it creates
 * after this call (commander copies these settings to each new command).
 */
export function speakFrench(program: Command): Command {
  return program
    .version(navetteVersion(), '-V, --version', 'affiche la version de navette')
    .helpOption('-h, --help', 'affiche l’aide de la commande')
    .helpCommand('help [commande]', 'affiche l’aide d’une commande')
    .showHelpAfterError('(navette --help pour l’aide)')
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(frenchError(text)),
    })
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandUsage: (command: Command) => usageOf(command).replace('[command]', '[commande]'),
      optionDescription: (option: Option) => optionDescription(option),
    } as Partial<Help>);
}

function usageOf(command: Command): string {
  const names = [];
  for (let current: Command | null = command.parent; current; current = current.parent)
    names.unshift(current.name());
  return [...names, command.name(), command.usage()].join(' ');
}

function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`valeurs : ${option.argChoices.join(', ')}`);
  const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
  if (showDefault)
    extra.push(`par défaut : ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
}
