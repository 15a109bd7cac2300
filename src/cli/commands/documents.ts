import type { Command } from 'commander';
import {
  formatAmount,
  formatLocalDate,
  formatMoney,
  formatNumber,
  formatRate,
} from '../../domain/french-format.js';
import { parseDocumentStatus, parseDocumentType, parsePositiveInteger } from '../../domain/input-values.js';
import type { Amount } from '../../domain/money.js';
import type { SalesDocument } from '../../domain/sales-document.js';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../../domain/sales-document.js';
import { parseShopOrderKey } from '../../domain/shop-order.js';
import { cleanText } from '../../domain/truncate.js';
import { action, valueOf, withNavette } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { DOCUMENT_STATUS_NAMES, DOCUMENT_TYPE_NAMES } from '../../domain/labels.js';
import { renderTable } from '../table.js';
import { registerDocumentTransform } from './documents-transform.js';

export function registerDocuments(program: Command, setExitCode: (code: number) => void): void {
  const documents = program
    .command('documents [numéro]')
    .description('Liste les documents de la gestion commerciale, ou montre un document.')
    .option(
      '--type <type>',
      `type : ${DOCUMENT_TYPES.map((type) => DOCUMENT_TYPE_NAMES[type].toLowerCase()).join(', ')}`,
    )
    .option(
      '--status <statut>',
      `statut : ${DOCUMENT_STATUSES.map((status) => DOCUMENT_STATUS_NAMES[status].toLowerCase()).join(', ')}`,
    )
    .option('--search <texte>', 'numéro, référence ou commande')
    .option('--limit <n>', 'nombre de documents', '50')
    .option('--json', 'en JSON')
    .action(
      action(
        setExitCode,
        async (number: string | undefined, options: DocumentsCliOptions, command: Command) => {
          const limit = valueOf(parsePositiveInteger(options.limit, '--limit'));
          const type = options.type === undefined ? undefined : valueOf(parseDocumentType(options.type));
          const status =
            options.status === undefined ? undefined : valueOf(parseDocumentStatus(options.status));
          return withNavette(command, async (navette) => {
            if (number !== undefined) {
              const document = await navette.document(number);
              if (!document) {
                process.stderr.write(
                  `navette : aucun document ${cleanText(number)}. "navette documents" les liste.\n`,
                );
                return EXIT.usage;
              }
              process.stdout.write(
                options.json ? `${JSON.stringify(document, null, 2)}\n` : `${documentText(document)}\n`,
              );
              return EXIT.ok;
            }
            const { items, total } = await navette.listDocuments({
              ...(type ? { type } : {}),
              ...(status ? { status } : {}),
              ...(options.search ? { search: options.search } : {}),
              limit,
            });
            if (options.json) {
              process.stdout.write(`${JSON.stringify({ total, items }, null, 2)}\n`);
              return EXIT.ok;
            }
            const rows = items.map((item) => [
              item.number,
              DOCUMENT_TYPE_NAMES[item.type],
              DOCUMENT_STATUS_NAMES[item.status],
              formatLocalDate(item.date),
              item.customerCode,
              item.reference,
              formatMoney(item.totals.taxIncl, item.currency),
              item.transformedInto ? `→ ${item.transformedInto}` : item.cancelled ? 'annulé' : '',
            ]);
            process.stdout.write(
              `${renderTable(['Numéro', 'Type', 'Statut', 'Date', 'Client', 'Référence', 'Total TTC', ''], rows, [6])}\n${items.length} sur ${total} document(s)\n`,
            );
            return EXIT.ok;
          });
        },
      ),
    );
  registerDocumentTransform(documents, setExitCode);
}

interface DocumentsCliOptions {
  type?: string;
  status?: string;
  search?: string;
  limit: string;
  json?: boolean;
}

export function documentText(document: SalesDocument): string {
  const key = parseShopOrderKey(document.externalKey);
  const header = [
    `${DOCUMENT_TYPE_NAMES[document.type]} ${document.number} — ${DOCUMENT_STATUS_NAMES[document.status]}${document.cancelled ? ' (annulé)' : ''}`,
    `Date : ${formatLocalDate(document.date)} · Client : ${document.customerCode} ${document.customerName}`,
    `Référence : ${document.reference} · Commande boutique : ${document.shopReference}${key ? ` (boutique ${key.shopId}, n° ${key.orderId})` : ''}`,
    document.sourceNumber ? `Issu de : ${document.sourceNumber}` : '',
    document.transformedInto ? `Transformé en : ${document.transformedInto}` : '',
    document.trackingNumber ? `Numéro de suivi : ${document.trackingNumber}` : '',
    document.remark ? `Remarque : ${document.remark}` : '',
  ]
    .filter(Boolean)
    .map(cleanText);
  const lines = renderTable(
    ['Article', 'Désignation', 'Qté', 'PU HT', 'PU TTC', 'TVA', 'Montant HT', 'Montant TTC'],
    document.lines.map((line) => [
      line.articleReference,
      line.label,
      formatNumber(line.quantity),
      formatAmount(line.unitPriceTaxExcl, 'fr', 4),
      formatAmount(line.unitPriceTaxIncl, 'fr', 4),
      formatRate(line.vatRate),
      formatAmount(line.totalTaxExcl),
      formatAmount(line.totalTaxIncl),
    ]),
    [2, 3, 4, 5, 6, 7],
  );
  const money = (value: Amount) => formatMoney(value, document.currency);
  const totals = `Total HT ${money(document.totals.taxExcl)}   TVA ${money(document.totals.tax)}   Total TTC ${money(document.totals.taxIncl)}`;
  const payments = document.payments.map((payment) =>
    cleanText(
      `Règlement ${payment.modeCode} ${money(payment.amount)} le ${formatLocalDate(payment.date)}${payment.transactionId ? ` (${payment.transactionId})` : ''}`,
    ),
  );
  return [...header, '', lines, '', totals, ...payments].join('\n');
}
