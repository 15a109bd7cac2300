import { ExpectedFailure } from '../../domain/failure.js';
import { round, sum, toText, type Amount } from '../../domain/money.js';
import type { PaymentDraft } from '../../domain/sales-document.js';
import type { DolibarrClient } from './dolibarr-client.js';
import { dayToTimestamp } from './document-kinds.js';
import { OneAtATime } from './one-at-a-time.js';

/** The payment's own key in Dolibarr (`ref_ext`): the order's key and the payment's place or id. */
export function paymentKey(externalKey: string, payment: PaymentDraft, index: number): string {
  return `${externalKey}/${payment.transactionId !== '' ? payment.transactionId : String(index + 1)}`;
}

/**
 * The payments of an invoice in the order's currency, as `paymentsdistributed` takes them: each in that
 * currency (`multicurrency_amount`), which Dolibarr converts into the company's as
 * `price2num(price2num(x / rate, 'MU'), 'MT')`. But Dolibarr marks an invoice paid on its company-currency
 * remainder, and its company total is the sum of its lines' own roundings: when the payments pay the
 * whole order and the last one, converted so, would leave a cent either way in the company's currency, it
 * is given as `remain` in the company's currency instead (Dolibarr then converts it back), and the
 * invoice is paid with no remainder.
 */
export function inDocumentCurrency(
  payments: readonly PaymentDraft[],
  currency: { readonly rate: Amount; readonly total: Amount; readonly companyTotal: Amount },
): { amount: string; multicurrencyAmount?: string }[] {
  const inCurrency = payments.map((payment) => round(payment.amount, 2));
  const converted = inCurrency.map((value) => round(round(value.div(currency.rate), 5), 2));
  const whole = round(sum(inCurrency)).equals(round(currency.total));
  return inCurrency.map((value, index) => {
    const last = index === inCurrency.length - 1;
    const companyRemainder = currency.companyTotal.minus(sum(converted.slice(0, index)));
    if (last && whole && !converted[index]?.equals(companyRemainder)) return { amount: 'remain' };
    return { amount: '', multicurrencyAmount: toText(value) };
  });
}

/**
 * The order's payments on its invoice (SPEC §5), each through `paymentsdistributed`, which takes an
 * amount and a `ref_ext` (`/invoices/{id}/payments` always pays the whole remainder), the payment type
 * read from Dolibarr's dictionary, into the configured bank account. Never twice: on an invoice met
 * again (adopted after a crash), the payments already there are read first and skipped by `ref_ext`.
 */
export class Payments {
  #typeIds: Promise<ReadonlyMap<string, number>> | undefined;
  /**
   * One payment at a time: Dolibarr numbers each payment from the highest number so far, so two
   * recorded at once (orders written side by side) could pick the same one.
   */
  readonly #oneAtATime = new OneAtATime();

  constructor(
    private readonly client: DolibarrClient,
    private readonly bankAccountId: number | undefined,
  ) {}

  async record(
    invoiceId: number,
    externalKey: string,
    payments: readonly PaymentDraft[],
    options: {
      readonly issuer: string;
      readonly checkExisting: boolean;
      /** An invoice in the order's currency: its rate, its TTC in that currency and in the company's. */
      readonly currency?: { readonly rate: Amount; readonly total: Amount; readonly companyTotal: Amount };
    },
  ): Promise<void> {
    if (payments.length === 0) return;
    const bankAccountId = this.bankAccountId;
    if (bankAccountId === undefined)
      throw new ExpectedFailure(
        'bank-account-missing',
        'Aucun compte bancaire Dolibarr n’est configuré pour les règlements : indiquez-le (gescom.dolibarr.bankAccountId) ou désactivez l’import des règlements.',
        { data: { case: 'bank-account-missing' } },
      );
    const existing = options.checkExisting
      ? new Set((await this.client.invoicePayments(invoiceId)).map((payment) => payment.ref_ext ?? ''))
      : new Set<string>();
    const amounts =
      options.currency === undefined ? undefined : inDocumentCurrency(payments, options.currency);
    for (const [index, payment] of payments.entries()) {
      const refExt = paymentKey(externalKey, payment, index);
      if (existing.has(refExt)) continue;
      const paymentTypeId = await this.typeId(payment.modeCode);
      await this.#oneAtATime.run(['payment'], () =>
        this.client.payInvoice({
          invoiceId,
          ...(amounts?.[index] ?? { amount: toText(round(payment.amount, 2)) }),
          date: dayToTimestamp(payment.date),
          paymentTypeId,
          bankAccountId,
          refExt,
          issuer: options.issuer,
          ...(payment.transactionId === '' ? {} : { number: payment.transactionId }),
        }),
      );
    }
  }

  /**
   * Refuses, before anything is written, payments whose type Dolibarr's dictionary lacks: found only
   * after the invoice is validated, the order would leave a validated invoice without its payments.
   */
  async checkTypes(payments: readonly PaymentDraft[]): Promise<void> {
    for (const payment of payments) await this.typeId(payment.modeCode);
  }

  private async typeId(code: string): Promise<number> {
    // Asked once, whatever the number of orders asking at the same time; asked again after a failure.
    this.#typeIds ??= this.client.paymentTypes().then(
      (types) => new Map(types.map((type) => [type.code.toUpperCase(), type.id])),
      (error: unknown) => {
        this.#typeIds = undefined;
        throw error;
      },
    );
    const id = (await this.#typeIds).get(code.toUpperCase());
    if (id === undefined)
      throw new ExpectedFailure(
        'payment-type-unknown',
        `Le mode de règlement ${code} n’existe pas dans Dolibarr (Configuration > Dictionnaires > Modes de paiement) : ajoutez-le ou changez la correspondance des moyens de paiement.`,
        { data: { case: 'payment-type-unknown', paymentType: code } },
      );
    return id;
  }
}
