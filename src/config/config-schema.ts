import { z } from 'zod';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../domain/sales-document.js';
import { parseAmount } from '../domain/money.js';
import { PERIOD_KINDS, type ImportRules } from '../domain/rules.js';

/**
 * The one configuration of navette: the "Import des commandes" window (SPEC §2), the payment settings
 * (§5), the status updates (§6) and the header/customer/article/totals settings of §3.1. The config file,
 * the web UI's forms and `navette init` all go through this schema. Unknown keys are errors (a typo must
 * not silently fall back to a default).
 *
 * The webservice key is never part of it: it comes from NAVETTE_PS_KEY or a key file.
 */

const stateId = z.number().int().positive();
const decimalText = z.string().refine((text) => parseAmount(text) !== undefined, {
  message: 'doit être un nombre décimal, par exemple "0.05"',
});
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' });
const hourMinute = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'heure attendue au format HH:MM' });

/** One row of the state table: what to do with orders whose current state is `id`. */
export const stateRuleSchema = z.strictObject({
  id: stateId,
  /** The state's name as last read from the shop, kept for people reading the file. */
  name: z.string().optional(),
  selected: z.boolean(),
  documentType: z.enum(DOCUMENT_TYPES).exclude(['credit_note']),
  documentStatus: z.enum(DOCUMENT_STATUSES),
  /** The shop state to set right after the document is created; null = "Ne pas modifier le statut". */
  changeStateTo: stateId.nullable(),
});

export const periodSchema = z
  .strictObject({
    kind: z.enum(PERIOD_KINDS).default('last-30-days'),
    /** For `custom`: inclusive days in the shop's local time. */
    from: localDate.optional(),
    to: localDate.optional(),
    dateField: z.enum(['order', 'invoice']).default('order'),
    /** "Depuis le dernier import" reads from the last high-water mark minus this overlap. */
    overlapMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
  })
  .refine((period) => period.kind !== 'custom' || (period.from !== undefined && period.to !== undefined), {
    message: 'une période personnalisée demande "from" et "to"',
    path: ['from'],
  })
  .refine((period) => period.from === undefined || period.to === undefined || period.from <= period.to, {
    message: '"from" doit précéder "to"',
    path: ['to'],
  });

export const shopSchema = z.strictObject({
  /** The shop's base URL (the webservice is at URL/api/). */
  url: z.url({ message: 'adresse de la boutique invalide, par exemple https://www.maboutique.fr' }),
  /** A file holding the webservice key; otherwise the key comes from NAVETTE_PS_KEY. */
  keyFile: z.string().optional(),
  /** The shop's time zone: its dates are local time (PrestaShop's PS_TIMEZONE). */
  timeZone: z.string().default('Europe/Paris'),
  /** The shop's language id for state names and labels. */
  languageId: z.number().int().positive().default(1),
  /** At most this many webservice calls at once (hostings rate-limit). */
  concurrency: z.number().int().min(1).max(8).default(3),
  timeoutSeconds: z.number().int().min(1).max(600).default(30),
});

/** A Dolibarr to write documents into (SPEC §4.2); its key is never here (NAVETTE_DOLIBARR_KEY or `keyFile`). */
export const dolibarrSchema = z.strictObject({
  /** Dolibarr's address, e.g. `https://erp.example.fr` (with or without `/api/index.php`). */
  url: z.url({
    protocol: /^(https?|demo)$/,
    message: 'adresse de Dolibarr invalide, par exemple https://erp.monentreprise.fr',
  }),
  /** A file holding the API key alone (Dolibarr: Utilisateurs & Groupes > l'utilisateur > Clé pour l'API). */
  keyFile: z.string().min(1).optional(),
  /** The bank account (`/bankaccounts` id) invoices' payments are recorded into (needed when payments are created). */
  bankAccountId: z.number().int().positive().optional(),
  /**
   * Who numbers the customers navette creates: `navette` (the customers' prefix and length, `WEB000042`)
   * or `dolibarr` (Dolibarr's own customer-code numbering, Configuration > Modules > Tiers).
   */
  customerCode: z.enum(['navette', 'dolibarr']).default('navette'),
  /**
   * An order in another currency than Dolibarr's company currency, when Dolibarr's *Multi-devise*
   * module is off: `refuse` it (with the two ways out), or `convert` it into the company's currency at
   * the order's rate (the original currency and total kept in the remark). With the module on, the
   * document is in the order's currency and rate, whatever this says.
   */
  foreignCurrencyWithoutModule: z.enum(['refuse', 'convert']).default('refuse'),
  timeoutSeconds: z.number().int().min(1).max(600).default(30),
  /**
   * Orders written into Dolibarr at once (each waits on ~3.5 calls one after the other). 4 leaves one
   * PHP worker of a default PHP-FPM pool (5) to the people using Dolibarr meanwhile.
   */
  concurrency: z.number().int().min(1).max(8).default(4),
});

export const gescomSchema = z
  .strictObject({
    target: z.enum(['embedded', 'dolibarr']).default('embedded'),
    /**
     * An SQLite file path, or a postgres:// URL: navette's own store (ledger, outbox, runs), and the
     * embedded GesCom's documents when it is the target.
     */
    database: z.string().min(1).default('navette.db'),
    dolibarr: dolibarrSchema.optional(),
  })
  .refine((gescom) => gescom.target !== 'dolibarr' || gescom.dolibarr !== undefined, {
    message:
      'gescom.target vaut "dolibarr" : indiquez aussi gescom.dolibarr.url (l’adresse de votre Dolibarr).',
    path: ['dolibarr'],
  });

export const documentSettingsSchema = z.strictObject({
  date: z.enum(['order', 'invoice', 'today']).default('order'),
  /** Numbering series (souches) by document type. */
  series: z
    .strictObject({
      quote: z.string().min(1).max(6).default('DE'),
      order: z.string().min(1).max(6).default('BC'),
      delivery: z.string().min(1).max(6).default('BL'),
      invoice: z.string().min(1).max(6).default('FA'),
    })
    .default({ quote: 'DE', order: 'BC', delivery: 'BL', invoice: 'FA' }),
  warehouse: z.string().min(1).default('PRINCIPAL'),
  /** Fields: {reference} {id_order} {id_shop} {payment} {carrier} {date} {customer} {message}. */
  referenceTemplate: z.string().default('{reference}'),
  remarkTemplate: z.string().default('Commande web {reference} (n° {id_order}) — {payment}'),
  /** The customer's messages on the order go to the document's notes. */
  messages: z.enum(['none', 'first', 'all']).default('first'),
  /** "Faire évoluer le document quand le statut de la commande change". */
  upgradeOnStateChange: z.boolean().default(true),
  /** Cancel a document still Saisi when its order is cancelled or refunded in the shop. */
  cancelDraftWhenOrderCancelled: z.boolean().default(false),
});

export const customerSettingsSchema = z.strictObject({
  mode: z.enum(['per-customer', 'generic']).default('per-customer'),
  prefix: z.string().max(8).default('WEB'),
  padding: z.number().int().min(1).max(12).default(6),
  matchByEmail: z.boolean().default(false),
  genericAccount: z.string().min(1).max(17).default('CLIENTWEB'),
  /** Guests (`is_guest`) on their own generic account; null = treat them like other customers. */
  guestAccount: z.string().min(1).max(17).nullable().default(null),
});

export const articleSettingsSchema = z.strictObject({
  matchByEan13: z.boolean().default(false),
  /** Unknown article: the generic article with the shop's label, create the article, or refuse the order. */
  unknown: z.enum(['generic', 'create', 'refuse']).default('generic'),
  generic: z.string().min(1).max(18).default('DIVERS'),
  shipping: z.string().min(1).max(18).default('PORT'),
  discount: z.string().min(1).max(18).default('REMISE'),
  wrapping: z.string().min(1).max(18).default('EMBALLAGE'),
  /** Free shipping: no line, or a line at zero. */
  freeShippingLine: z.enum(['none', 'zero']).default('none'),
  /** PrestaShop carrier reference id → GesCom shipping mode. */
  carriers: z.record(z.string().regex(/^\d+$/), z.string().min(1).max(35)).default({}),
});

export const totalsSettingsSchema = z.strictObject({
  /** A difference with the shop's total up to this bound becomes an "écart d'arrondi" line; above, the order fails. */
  roundingTolerance: decimalText.default('0.05'),
});

export const paymentMethodSchema = z.strictObject({
  /** The PrestaShop payment module (`ps_wirepayment`): stable across languages. */
  module: z.string().min(1),
  /** The label seen in the shop, for people. */
  label: z.string().optional(),
  /** The GesCom's mode de règlement. */
  mode: z.string().min(1).max(17),
  journal: z.string().max(17).default(''),
});

export const paymentSettingsSchema = z.strictObject({
  /** "Créer les règlements". */
  create: z.boolean().default(true),
  amountFrom: z.enum(['order-payments', 'total-paid']).default('order-payments'),
  /** Used for a module not in `methods`. */
  defaultMode: z.string().min(1).max(17).default('AUTRE'),
  methods: z.array(paymentMethodSchema).default([]),
});

export const statusUpdateSchema = z.strictObject({
  /** Shop state to set when the document becomes a bon de commande / livraison / facture; null = Aucun. */
  onOrder: stateId.nullable().default(null),
  onDelivery: stateId.nullable().default(null),
  onInvoice: stateId.nullable().default(null),
  sendEmail: z.boolean().default(true),
  tracking: z
    .strictObject({
      enabled: z.boolean().default(false),
      sendEmail: z.boolean().default(true),
      setStateTo: stateId.nullable().default(null),
    })
    .default({ enabled: false, sendEmail: true, setStateTo: null }),
  /** The first sweep considers the documents transformed in these last days only (0 = from then on). */
  firstSweepDays: z.number().int().min(0).max(3650).default(30),
});

export const scheduleSchema = z.strictObject({
  /** Run an import every N minutes from `navette serve`; null = on demand only. */
  everyMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .nullable()
    .default(null),
  from: hourMinute.default('07:00'),
  to: hourMinute.default('21:00'),
});

export const webSettingsSchema = z.strictObject({
  /** scrypt hash of the web UI password, set by `navette init` or `navette password`. */
  passwordHash: z.string().optional(),
  language: z.enum(['fr', 'en']).default('fr'),
});

export const configSchema = z.strictObject({
  shop: shopSchema,
  gescom: gescomSchema.default({ target: 'embedded', database: 'navette.db' }),
  /** The state table of "Import des commandes": one row per shop state. */
  states: z.array(stateRuleSchema).superRefine((rules, context) => {
    const seen = new Set<number>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        context.addIssue({ code: 'custom', message: `l'état ${rule.id} est en double`, path: [index, 'id'] });
      seen.add(rule.id);
    });
  }),
  period: periodSchema.default({ kind: 'last-30-days', dateField: 'order', overlapMinutes: 60 }),
  /** "Importer les commandes des boutiques": null = every shop. */
  shops: z.array(z.number().int().positive()).nullable().default(null),
  document: documentSettingsSchema.default(documentSettingsSchema.parse({})),
  customers: customerSettingsSchema.default(customerSettingsSchema.parse({})),
  articles: articleSettingsSchema.default(articleSettingsSchema.parse({})),
  totals: totalsSettingsSchema.default(totalsSettingsSchema.parse({})),
  payments: paymentSettingsSchema.default(paymentSettingsSchema.parse({})),
  /** "Changer le statut en": send the shop's e-mail with the state change. */
  writeBack: z.strictObject({ sendEmail: z.boolean().default(true) }).default({ sendEmail: true }),
  statusUpdates: statusUpdateSchema.default(statusUpdateSchema.parse({})),
  schedule: scheduleSchema.default(scheduleSchema.parse({})),
  web: webSettingsSchema.default(webSettingsSchema.parse({})),
});

export type NavetteConfig = z.infer<typeof configSchema>;
/** What a config file may omit (everything with a default). */
export type NavetteConfigInput = z.input<typeof configSchema>;

/** The file's schema produces the rules the sync applies: a drift between the two is a type error here. */
export const importRulesOf = (config: NavetteConfig): ImportRules => config;
