/**
 * The dictionaries and settings of the simulated Dolibarr: a company in France paying VAT, in euros, with
 * the payment types, VAT rates and payment terms a fresh French install activates.
 */
export interface PaymentType {
  readonly id: number;
  readonly code: string;
  readonly label: string;
}

export const PAYMENT_TYPES: readonly PaymentType[] = [
  { id: 6, code: 'CB', label: 'Credit card' },
  { id: 7, code: 'CHQ', label: 'Cheque' },
  { id: 4, code: 'LIQ', label: 'Cash' },
  { id: 3, code: 'PRE', label: 'Direct Debit' },
  { id: 2, code: 'VIR', label: 'Credit Transfer' },
];

export interface VatRate {
  readonly rowid: number;
  readonly countryId: number;
  readonly rate: string;
  readonly note: string;
  readonly active: boolean;
}

export const VAT_RATES: readonly VatRate[] = [
  { rowid: 46, countryId: 1, rate: '0', note: 'VAT rate 0 ou non applicable', active: true },
  { rowid: 50, countryId: 1, rate: '2.1', note: 'VAT rate - super-reduced', active: true },
  { rowid: 48, countryId: 1, rate: '5.5', note: 'VAT rate - reduced', active: true },
  { rowid: 47, countryId: 1, rate: '10', note: 'VAT rate - intermediary', active: true },
  { rowid: 11, countryId: 1, rate: '20', note: 'VAT rate - standard (France hors DOM-TOM)', active: true },
  {
    rowid: 49,
    countryId: 1,
    rate: '8.5',
    note: 'VAT rate - standard (DOM sauf Guyane et Saint-Martin)',
    active: false,
  },
];

export interface PaymentTerm {
  readonly id: number;
  readonly code: string;
  readonly sortOrder: number;
  readonly label: string;
  readonly description: string;
  readonly endOfMonth: boolean;
  readonly days: number;
}

export const PAYMENT_TERMS: readonly PaymentTerm[] = [
  {
    id: 1,
    code: 'RECEP',
    sortOrder: 1,
    label: 'Due upon receipt',
    description: 'Due upon receipt',
    endOfMonth: false,
    days: 1,
  },
  {
    id: 2,
    code: '30D',
    sortOrder: 5,
    label: '30 days',
    description: 'Due in 30 days',
    endOfMonth: false,
    days: 30,
  },
  {
    id: 3,
    code: '30DENDMONTH',
    sortOrder: 7,
    label: '30 days end of month',
    description: 'Due in 30 days, end of month',
    endOfMonth: true,
    days: 30,
  },
  {
    id: 14,
    code: '45D',
    sortOrder: 10,
    label: '45 days',
    description: 'Due in 45 days',
    endOfMonth: false,
    days: 45,
  },
  {
    id: 15,
    code: '45DENDMONTH',
    sortOrder: 15,
    label: '45 days end of month',
    description: 'Due in 45 days, end of month',
    endOfMonth: true,
    days: 45,
  },
  {
    id: 4,
    code: '60D',
    sortOrder: 20,
    label: '60 days',
    description: 'Due in 60 days',
    endOfMonth: false,
    days: 60,
  },
  {
    id: 6,
    code: 'PT_ORDER',
    sortOrder: 30,
    label: 'Due on order',
    description: 'Due on order',
    endOfMonth: false,
    days: 1,
  },
  {
    id: 7,
    code: 'PT_DELIVERY',
    sortOrder: 35,
    label: 'Due on delivery',
    description: 'Due on delivery',
    endOfMonth: false,
    days: 1,
  },
  {
    id: 8,
    code: 'PT_5050',
    sortOrder: 40,
    label: '50 and 50',
    description: '50% on order, 50% on delivery',
    endOfMonth: false,
    days: 1,
  },
  {
    id: 9,
    code: '10D',
    sortOrder: 50,
    label: '10 days',
    description: 'Due in 10 days',
    endOfMonth: false,
    days: 10,
  },
  {
    id: 10,
    code: '10DENDMONTH',
    sortOrder: 55,
    label: '10 days end of month',
    description: 'Due in 10 days, end of month',
    endOfMonth: true,
    days: 10,
  },
  {
    id: 11,
    code: '14D',
    sortOrder: 60,
    label: '14 days',
    description: 'Due in 14 days',
    endOfMonth: false,
    days: 14,
  },
  {
    id: 12,
    code: '14DENDMONTH',
    sortOrder: 65,
    label: '14 days end of month',
    description: 'Due in 14 days, end of month',
    endOfMonth: true,
    days: 14,
  },
];

export interface Country {
  readonly id: number;
  readonly code: string;
  readonly iso: string;
  readonly label: string;
  readonly eec: boolean;
  readonly numeric: string;
}

export const COUNTRIES: readonly Country[] = [
  { id: 1, code: 'FR', iso: 'FRA', label: 'France', eec: true, numeric: '250' },
  { id: 2, code: 'BE', iso: 'BEL', label: 'Belgium', eec: true, numeric: '056' },
  { id: 5, code: 'DE', iso: 'DEU', label: 'Germany', eec: true, numeric: '276' },
  { id: 6, code: 'CH', iso: 'CHE', label: 'Switzerland', eec: false, numeric: '756' },
  { id: 7, code: 'GB', iso: 'GBR', label: 'United Kingdom', eec: false, numeric: '826' },
  { id: 11, code: 'US', iso: 'USA', label: 'United States', eec: false, numeric: '840' },
];

export const CURRENCIES: readonly {
  readonly code: string;
  readonly label: string;
  readonly unicode: string;
}[] = [
  { code: 'EUR', label: 'Euro Member Countries', unicode: '[8364]' },
  { code: 'USD', label: 'United States Dollar', unicode: '[36]' },
  { code: 'GBP', label: 'United Kingdom Pound', unicode: '[163]' },
  { code: 'CHF', label: 'Switzerland Franc', unicode: '[67,72,70]' },
];

/** The modules of the recorded instance; `multicurrency`, `expedition`, `stock` are off. */
export const DEFAULT_MODULES: readonly string[] = [
  'agenda',
  'api',
  'banque',
  'commande',
  'export',
  'facture',
  'fckeditor',
  'import',
  'product',
  'propal',
  'service',
  'societe',
  'user',
];
