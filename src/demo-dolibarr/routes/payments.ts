import { amount, dbAmount, price2num, type Amount } from '../amounts.js';
import type { Documents } from '../documents.js';
import { RestError } from '../errors.js';
import { COUNTRIES, PAYMENT_TYPES } from '../reference-data.js';
import { render, type Row } from '../render.js';
import { DolibarrStore, type DocumentRecord } from '../store.js';
import type { Route } from './route.js';
import { asText } from '../text.js';

/** `datepaye`: a timestamp, or `YYYY-MM-DD` (midnight, server time). */
function paymentDate(value: unknown, fallback: number): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return Math.floor(Date.parse(`${value}T00:00:00Z`) / 1000);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return fallback;
}

function required(body: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names)
    if (body[name] === undefined || body[name] === null || body[name] === '')
      throw new RestError(400, `\`${name}\` is required.`, undefined, 'validate');
}

function positive(value: unknown): boolean {
  if (typeof value !== 'number' && typeof value !== 'string') return false;
  const n = Number(value);
  return Number.isFinite(n) && n > 0;
}

export function paymentRoutes(store: DolibarrStore, documents: Documents): Route[] {
  const invoice = (id: number): DocumentRecord => documents.get('facture', id);

  const bankAccount = (value: unknown): Row | undefined => {
    if (!store.moduleOn('banque')) return undefined;
    const account = store.bankAccounts.get(Number(value));
    if (!account) throw new RestError(404, 'Bank account not found');
    return account;
  };

  const addBankLine = (account: Row, total: Amount, date: number, typeCode: string, num: string): number => {
    const id = store.nextId('bank');
    const now = store.timestamp();
    store.bankLines.set(id, {
      id: String(id),
      ref: String(id),
      rowid: String(id),
      fk_account: account.id,
      datec: now,
      dateo: DolibarrStore.dayOf(date),
      datev: DolibarrStore.dayOf(date),
      amount: dbAmount(total),
      fk_user_author: '1',
      fk_type: typeCode,
      num_chq: num === '' ? null : num,
      bank_account_ref: account.ref,
      bank_account_label: account.label,
      label: '(CustomerInvoicePayment)',
    });
    return id;
  };

  /** Records one payment over one or more invoices, closing those paid in full when asked. */
  const pay = (
    body: Record<string, unknown>,
    amounts: Map<number, Amount>,
    refExt: string,
    currencyAmounts?: Map<number, Amount>,
  ): number => {
    const type = PAYMENT_TYPES.find((p) => p.id === Number(body.paymentid));
    if (!type) throw new RestError(400, 'Payment mode not found');
    const account = bankAccount(body.accountid);
    const total = [...amounts.values()].reduce((a, b) => a.plus(b), amount(0));
    if (account && type.code === 'CHQ' && !body.chqemetteur) {
      // The payment row was inserted, then rolled back: its id is used up.
      store.nextId('paiement');
      throw new RestError(400, 'Emetteur is mandatory when payment code is CHQ');
    }
    if (total.isZero()) throw new RestError(400, 'Payment error : TotalAmountEmpty');
    const id = store.nextId('paiement');
    const date = paymentDate(body.datepaye, store.timestamp());
    const num = typeof body.num_payment === 'string' ? body.num_payment : '';
    const bankLineId = account ? addBankLine(account, total, date, type.code, num) : null;
    store.payments.push({
      id,
      ref: store.nextNumber('PAY'),
      refExt,
      date,
      typeCode: type.code,
      num,
      bankLineId,
      amounts,
      ...(currencyAmounts && { currencyAmounts }),
    });
    for (const invoiceId of amounts.keys()) {
      const doc = invoice(invoiceId);
      documents.refreshPaid(doc);
      doc.row.last_main_doc = `facture/${String(doc.row.ref)}/${String(doc.row.ref)}.pdf`;
      if (body.closepaidinvoices === 'yes' && documents.remainToPay(doc).isZero()) {
        documents.setStatus(doc, 2);
        doc.row.paye = '1';
      }
    }
    return id;
  };

  return [
    {
      method: 'GET',
      pattern: /^invoices\/(\d+)\/payments$/,
      right: 'facture:read',
      handle: ({ params }) => {
        const id = Number(params[0]);
        invoice(id);
        return store.payments
          .filter((p) => p.amounts.has(id))
          .map((p) => ({
            amount: dbAmount(p.amounts.get(id) ?? amount(0)),
            type: p.typeCode,
            typeline: 'payment',
            date: DolibarrStore.sqlDate(p.date),
            num: p.num,
            ref: p.ref,
            ref_ext: p.refExt,
            fk_bank_line: p.bankLineId === null ? null : String(p.bankLineId),
          }));
      },
    },
    {
      // No amount parameter: it always pays what remains (and a credit note's remainder with the wrong
      // sign, as 23.0.0-beta does).
      method: 'POST',
      pattern: /^invoices\/(\d+)\/payments$/,
      right: 'facture:write',
      takesBody: true,
      handle: ({ params, body }) => {
        required(body, ['datepaye', 'paymentid', 'closepaidinvoices', 'accountid']);
        const doc = invoice(Number(params[0]));
        if (doc.row.status === '0') throw new RestError(400, 'Invoice is draft');
        const remain = documents.remainToPay(doc);
        return pay(body, new Map([[doc.id, remain.abs()]]), '');
      },
    },
    {
      method: 'POST',
      pattern: /^invoices\/paymentsdistributed$/,
      right: 'facture:write',
      takesBody: true,
      handle: ({ body }) => {
        required(body, ['arrayofamounts', 'datepaye', 'paymentid', 'closepaidinvoices', 'accountid']);
        const amounts = new Map<number, Amount>();
        const currencyAmounts = new Map<number, Amount>();
        const wanted = body.arrayofamounts;
        if (typeof wanted !== 'object' || wanted === null)
          throw new RestError(400, 'arrayofamounts is invalid');
        for (const [key, value] of Object.entries(wanted as Record<string, unknown>)) {
          const doc = invoice(Number(key));
          if (doc.row.status === '0') throw new RestError(400, 'Invoice is draft');
          const given = value as { amount?: unknown; multicurrency_amount?: unknown } | null;
          const raw = given?.amount;
          const rawCurrency = given?.multicurrency_amount;
          const inCompany = raw === 'remain' || positive(raw);
          const inCurrency = rawCurrency === 'remain' || positive(rawCurrency);
          if (inCompany && inCurrency)
            throw new RestError(
              400,
              `Payment in both currency ${key} ( amount: ${asText(raw)}, multicurrency_amount: ${asText(rawCurrency)})`,
            );
          // Paiement::create() converts each amount into the other currency at the invoice's rate:
          // price2num(x / rate, 'MU') (or × rate), then rounded to the cent.
          const rate = amount(asText(doc.row.multicurrency_tx ?? '1'));
          const convert = (x: Amount, toCompany: boolean): Amount =>
            price2num(price2num(toCompany ? x.div(rate) : x.times(rate), store.rounding.unitDecimals), 2);
          if (inCurrency && store.moduleOn('multicurrency')) {
            const paid =
              rawCurrency === 'remain' ? documents.currencyRemainToPay(doc) : amount(asText(rawCurrency));
            currencyAmounts.set(doc.id, paid);
            amounts.set(doc.id, convert(paid, true));
          } else {
            const paid = raw === 'remain' ? documents.remainToPay(doc) : amount(asText(raw ?? '0'));
            amounts.set(doc.id, paid);
            currencyAmounts.set(doc.id, convert(paid, false));
          }
        }
        return pay(body, amounts, typeof body.ref_ext === 'string' ? body.ref_ext : '', currencyAmounts);
      },
    },
    {
      method: 'GET',
      pattern: /^bankaccounts$/,
      right: 'banque:read',
      handle: () => [...store.bankAccounts.values()].map((row) => render('bankaccount.get', row)),
    },
    {
      method: 'GET',
      pattern: /^bankaccounts\/(\d+)$/,
      right: 'banque:read',
      handle: ({ params }) => {
        const row = store.bankAccounts.get(Number(params[0]));
        if (!row) throw new RestError(404, 'account not found');
        return render('bankaccount.get', row);
      },
    },
    {
      method: 'GET',
      pattern: /^bankaccounts\/(\d+)\/lines$/,
      right: 'banque:read',
      handle: ({ params }) => {
        const account = store.bankAccounts.get(Number(params[0]));
        if (!account) throw new RestError(404, 'account not found');
        return [...store.bankLines.values()]
          .filter((l) => l.fk_account === account.id)
          .map((l) => render('bankline.list', l));
      },
    },
    {
      method: 'POST',
      pattern: /^bankaccounts$/,
      right: 'banque:write',
      takesBody: true,
      handle: ({ body }) => {
        for (const field of ['ref', 'label', 'type', 'currency_code', 'country_id'])
          if (body[field] === undefined || body[field] === null)
            throw new RestError(400, `${field} field missing`);
        const id = store.nextId('bank_account');
        const now = store.timestamp();
        const country = COUNTRIES.find((c) => c.id === Number(body.country_id));
        const row: Row = {
          id: String(id),
          ref: String(body.ref),
          label: String(body.label),
          type: String(Number(body.type)),
          courant: String(Number(body.type)),
          bank: typeof body.bank === 'string' ? body.bank : '',
          iban: typeof body.iban === 'string' ? body.iban : '',
          bic: typeof body.bic === 'string' ? body.bic : '',
          country_id: String(Number(body.country_id)),
          country_code: country?.code ?? '',
          currency_code: String(body.currency_code),
          account_currency_code: String(body.currency_code),
          date_creation: now,
          date_modification: now,
          rappro: '1',
          status: '0',
          type_lib: ['BankType0', 'BankType1', 'BankType2'],
        };
        store.bankAccounts.set(id, row);
        // The opening balance is the account's first bank line.
        addBankLine(row, amount(asText(body.solde ?? '0')), now, 'SOLD', '');
        const opening = store.bankLines.get(
          store.bankLines.size === 0 ? 0 : Math.max(...store.bankLines.keys()),
        );
        if (opening) opening.label = '(Initial balance)';
        return id;
      },
    },
  ];
}
