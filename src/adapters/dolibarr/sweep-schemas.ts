import { z } from 'zod';
import { wireDate, wireInt, wireIntOrNull, wireText } from './wire-schemas.js';

/**
 * What the status sweep reads of Dolibarr's shipments, invoices and orders (the `properties` it asks for).
 * Shipments: module `expedition`, off in the recorded instance, so no fixture fixes their shape; read as
 * upstream's `Expedition::fetch()` fills them (origin from `element_element`, status 0 draft, 1 validated,
 * 2 closed, `date_valid`, no `tms`).
 */
export const sweepShipmentSchema = z.object({
  id: wireInt,
  ref: z.string(),
  status: wireIntOrNull,
  origin_type: wireText.optional(),
  origin_id: wireIntOrNull.optional(),
  tracking_number: wireText.optional(),
  date_valid: wireDate.optional(),
  date_creation: wireDate.optional(),
});

/**
 * `linkedObjectsIds` as PHP encodes it: `{"commande": {"10": "10"}}` (link id → object id, fixture 127),
 * `[]` when there is none, null in a list that did not load them (fixture 115).
 */
const linkedObjectsSchema = z
  .union([
    z.record(
      z.string(),
      z.union([z.record(z.string(), z.union([z.string(), z.number()])), z.array(z.unknown())]),
    ),
    z.array(z.unknown()),
    z.null(),
  ])
  .optional()
  .transform((value): ReadonlyMap<string, readonly number[]> | undefined => {
    if (value === null || value === undefined) return undefined;
    const links = new Map<string, number[]>();
    if (Array.isArray(value)) return links;
    for (const [type, ids] of Object.entries(value))
      links.set(
        type,
        (Array.isArray(ids) ? [] : Object.values(ids)).map(Number).filter((id) => Number.isInteger(id)),
      );
    return links;
  });

export const sweepInvoiceSchema = z.object({
  id: wireInt,
  ref: z.string(),
  ref_ext: wireText,
  status: wireIntOrNull,
  type: wireIntOrNull.optional(),
  date_modification: wireDate.optional(),
  linkedObjectsIds: linkedObjectsSchema,
});

export const sweepOrderSchema = z.object({
  id: wireInt,
  ref: z.string(),
  ref_ext: wireText,
  status: wireIntOrNull,
  date_modification: wireDate.optional(),
});

export type SweepShipment = z.infer<typeof sweepShipmentSchema>;
export type SweepInvoice = z.infer<typeof sweepInvoiceSchema>;
export type SweepOrder = z.infer<typeof sweepOrderSchema>;
