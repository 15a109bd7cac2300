import type { Command } from 'commander';
import { DOCUMENT_TYPE_NAMES } from '../../domain/labels.js';
import { parseDocumentType } from '../../domain/input-values.js';
import { ExpectedFailure, isExpectedFailure } from '../../domain/failure.js';
import { cleanText } from '../../domain/truncate.js';
import { action, valueOf, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';

/** `navette documents transform BC00012 --to livraison --suivi 6A123…`: the GesCom's own transformation. */
export function registerDocumentTransform(documents: Command, setExitCode: (code: number) => void): void {
  documents
    .command('transform <numéro>')
    .description(
      'Transforme un document (devis → bon de commande → bon de livraison → facture), comme la gestion commerciale.',
    )
    .requiredOption('--to <type>', 'en quoi : commande, livraison, facture')
    .option('--suivi <numéro>', 'numéro de suivi du transporteur (sur une livraison)')
    .action(
      action(setExitCode, async (number: string, options: TransformCliOptions, command: Command) => {
        const to = valueOf(parseDocumentType(options.to));
        return withNavette(command, async (navette) => {
          const created = await navette
            .transformDocument(number, {
              to,
              ...(options.suivi === undefined ? {} : { trackingNumber: options.suivi }),
            })
            .catch(asWrongCommandLine);
          process.stdout.write(
            cleanText(
              `${number} → ${DOCUMENT_TYPE_NAMES[created.type]} ${created.number}${created.trackingNumber ? ` (suivi ${created.trackingNumber})` : ''}`,
            ) +
              '\n"navette status-updates" en informe la boutique (ou le planificateur de "navette serve").\n',
          );
          return EXIT.ok;
        });
      }),
    );
}

/**
 * The GesCom's refusals (unknown number, backwards, already transformed, tracking number on anything but
 * a delivery) are about what was typed: "wrong command line", not "could not run" — a scheduler retrying
 * exit 3 would retry them for ever.
 */
const REFUSALS: ReadonlySet<string> = new Set([
  'document-not-found',
  'document-cancelled',
  'already-transformed',
  'transform-backwards',
  'transform-unsupported',
  'transform-in-gescom',
  // A tracking number typed with --to facture (or commande): it goes on a bon de livraison only.
  'tracking-needs-delivery',
  'invalid-value',
]);

function asWrongCommandLine(error: unknown): never {
  if (isExpectedFailure(error) && REFUSALS.has(error.code))
    throw new ExpectedFailure('invalid-value', error.message, { cause: error });
  throw error;
}

interface TransformCliOptions {
  to: string;
  suivi?: string;
}
