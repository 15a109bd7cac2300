import { describe, expect, it } from 'vitest';
import { ADDRESS, draft } from '../../../test/contract/sample-documents.js';
import { createDemoDolibarr } from '../../demo-dolibarr/index.js';
import { systemClock } from '../../ports/clock.js';
import { DolibarrClient } from './dolibarr-client.js';
import { addressKey, deliveredElsewhere, ShippingContacts } from './shipping-contacts.js';

const ELSEWHERE = {
  ...ADDRESS,
  name: 'Marc Dupré',
  company: 'Atelier Dupré',
  line1: '3 quai Saint-Vincent',
  line2: '',
  postcode: '69001',
  phone: '06 12 34 56 78',
};

async function setup() {
  const dolibarr = createDemoDolibarr({ empty: true, now: () => new Date('2026-11-27T09:43:32Z') });
  const client = new DolibarrClient({
    url: dolibarr.url,
    key: dolibarr.key,
    fetch: dolibarr.fetch,
    clock: systemClock,
  });
  const socid = await client.create('thirdparties', { name: 'Camille Dupré', client: 1 });
  const order = async () =>
    client.createDocument('orders', {
      socid,
      date: 1741608000,
      lines: [{ desc: 'Thé', qty: 1, subprice: '5', tva_tx: '20' }],
    });
  return { dolibarr, client, socid, order };
}

describe('the delivery address as the shipping contact', () => {
  it('differs only by place: not by phone, case or spaces around', () => {
    const billed = draft({ shopId: 1, orderId: 1 }, { deliveryAddress: { ...ADDRESS, phone: '0600000000' } });
    expect(deliveredElsewhere(billed)).toBeUndefined();
    const upper = { ...ADDRESS, city: ' LYON ' };
    expect(deliveredElsewhere(draft({ shopId: 1, orderId: 1 }, { deliveryAddress: upper }))).toBeUndefined();
    expect(deliveredElsewhere(draft({ shopId: 1, orderId: 1 }, { deliveryAddress: ELSEWHERE }))).toBe(
      ELSEWHERE,
    );
    expect(
      deliveredElsewhere(
        draft({ shopId: 1, orderId: 1 }, { billingAddress: undefined, deliveryAddress: ELSEWHERE }),
      ),
    ).toBeUndefined();
    expect(addressKey(ELSEWHERE)).toBe(addressKey({ ...ELSEWHERE, phone: '' }));
    expect(addressKey(ELSEWHERE)).not.toBe(addressKey({ ...ELSEWHERE, line1: '4 quai Saint-Vincent' }));
  });

  it('creates the contact once per address and gives each document its SHIPPING role, in 1 call once known', async () => {
    const { dolibarr, client, socid, order } = await setup();
    const contacts = new ShippingContacts(client);
    const first = await order();
    await contacts.attach(
      { resource: 'orders', id: first },
      socid,
      draft({ shopId: 1, orderId: 1 }, { deliveryAddress: ELSEWHERE }),
    );
    expect([...dolibarr.store.contacts.values()]).toMatchObject([
      {
        socid: String(socid),
        lastname: 'Marc Dupré',
        address: 'Atelier Dupré\n3 quai Saint-Vincent',
        zip: '69001',
        town: 'Lyon',
        country_code: 'FR',
        phone_pro: '0612345678',
        ref_ext: addressKey(ELSEWHERE),
      },
    ]);
    const second = await order();
    dolibarr.calls.reset();
    await contacts.attach(
      { resource: 'orders', id: second },
      socid,
      draft({ shopId: 1, orderId: 2 }, { deliveryAddress: ELSEWHERE }),
    );
    expect(dolibarr.calls.total()).toBe(1);
    expect(dolibarr.store.contacts.size).toBe(1);
    expect(dolibarr.store.contactLinks).toEqual([
      { kind: 'commande', documentId: first, contactId: 1, type: 'SHIPPING' },
      { kind: 'commande', documentId: second, contactId: 1, type: 'SHIPPING' },
    ]);
  });

  it('finds the contact a former run created (a new target reads the third party’s contacts), never a second one', async () => {
    const { dolibarr, client, socid, order } = await setup();
    const id = await order();
    const elsewhere = draft({ shopId: 1, orderId: 1 }, { deliveryAddress: ELSEWHERE });
    await new ShippingContacts(client).attach({ resource: 'orders', id }, socid, elsewhere);
    // The same document again (a run adopting it): the role is already there, Dolibarr says so (400).
    await new ShippingContacts(client).attach({ resource: 'orders', id }, socid, elsewhere);
    expect(dolibarr.store.contacts.size).toBe(1);
    expect(dolibarr.store.contactLinks).toHaveLength(1);
  });

  it('reuses a contact entered by hand with the same name and address', async () => {
    const { dolibarr, client, socid, order } = await setup();
    const byHand = await client.create('contacts', {
      socid,
      lastname: 'Marc Dupré',
      address: 'Atelier Dupré\n3 quai Saint-Vincent',
      zip: '69001',
      town: 'Lyon',
    });
    const id = await order();
    await new ShippingContacts(client).attach(
      { resource: 'orders', id },
      socid,
      draft({ shopId: 1, orderId: 1 }, { deliveryAddress: ELSEWHERE }),
    );
    expect(dolibarr.store.contacts.size).toBe(1);
    expect(dolibarr.store.contactLinks[0]?.contactId).toBe(byHand);
  });

  it('adds nothing, and asks nothing, when the order is delivered where it is billed', async () => {
    const { dolibarr, client, socid, order } = await setup();
    const id = await order();
    dolibarr.calls.reset();
    await new ShippingContacts(client).attach(
      { resource: 'orders', id },
      socid,
      draft({ shopId: 1, orderId: 1 }, { deliveryAddress: ADDRESS }),
    );
    expect(dolibarr.calls.total()).toBe(0);
    expect(dolibarr.store.contacts.size).toBe(0);
  });

  it('cuts the name to the 50 characters of Dolibarr’s contact', async () => {
    const { dolibarr, client, socid, order } = await setup();
    const id = await order();
    const long = { ...ELSEWHERE, name: `Marie-${'Éléonore-'.repeat(10)}Dupré` };
    await new ShippingContacts(client).attach(
      { resource: 'orders', id },
      socid,
      draft({ shopId: 1, orderId: 1 }, { deliveryAddress: long }),
    );
    expect([...String([...dolibarr.store.contacts.values()][0]?.lastname)].length).toBe(50);
  });
});
