import type { Command } from 'commander';
import { DOCUMENT_TYPE_NAMES } from '../../domain/labels.js';
import { parseDocumentType } from '../../domain/input-values.js';
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
          const created = await navette.transformDocument(number, {
            to,
            ...(options.suivi === undefined ? {} : { trackingNumber: options.suivi }),
          });
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

interface TransformCliOptions {
  to: string;
  suivi?: string;
}
