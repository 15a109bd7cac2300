import { z } from 'zod';
import type { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';

/**
 * What a Dolibarr user does on Dolibarr's own screens, done over its REST API (the simulator's): the
 * transformations the status sweep must find without navette having made them.
 */
export class DolibarrScreens {
  constructor(private readonly client: DolibarrClient) {}

  /** "Créer expédition" on the order, then "Valider" (with the carrier's tracking number, if any). */
  async ship(orderId: number, trackingNumber = '', options: { validate?: boolean } = {}): Promise<number> {
    const order = await this.client.getOrder(orderId);
    const id = await this.client.create('shipments', {
      socid: order.socid,
      origin_id: orderId,
      origin_type: 'commande',
      ...(trackingNumber === '' ? {} : { tracking_number: trackingNumber }),
      lines: order.lines.map((line) => ({ origin_line_id: line.id, qty: line.qty })),
    });
    if (options.validate !== false) await this.client.action(`shipments/${id}/validate`, z.unknown());
    return id;
  }

  /** The tracking number typed in later on a shipment. */
  async setTracking(shipmentId: number, trackingNumber: string): Promise<void> {
    await this.client.update(`shipments/${shipmentId}`, z.unknown(), { tracking_number: trackingNumber });
  }

  /** "Créer facture" on the order, then "Valider". */
  async invoice(orderId: number): Promise<number> {
    const id = await this.client.createInvoiceFromOrder(orderId);
    await this.client.validate('invoices', id);
    return id;
  }

  /** "Classer livrée": the order closed (status 3). */
  async closeOrder(orderId: number): Promise<void> {
    await this.client.action(`orders/${orderId}/close`, z.unknown());
  }

  /** "Classer facturée": touches the order again (its `tms`), nothing to report. */
  async setBilled(orderId: number): Promise<void> {
    await this.client.setOrderBilled(orderId);
  }
}

/** The Dolibarr id in a document summary's id (`orders/12` → 12). */
export function dolibarrId(summaryId: string): number {
  return Number(summaryId.split('/')[1]);
}
