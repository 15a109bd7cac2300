import { describe, expect, it } from 'vitest';
import { customer } from '../../../test/contract/sample-documents.js';
import { createDemoDolibarr } from '../../demo-dolibarr/index.js';
import { systemClock } from '../../ports/clock.js';
import type { FetchLike } from '../http/fetch-like.js';
import { DolibarrClient } from './dolibarr-client.js';
import { accountSite, ThirdParties, type CustomerCodeMode } from './third-parties.js';

function setup(codeMode: CustomerCodeMode = 'navette') {
  const dolibarr = createDemoDolibarr({ empty: true, now: () => new Date('2026-11-27T09:43:32Z') });
  const client = new DolibarrClient({
    url: dolibarr.url,
    key: dolibarr.key,
    fetch: dolibarr.fetch,
    clock: systemClock,
  });
  return { dolibarr, client, thirdParties: () => new ThirdParties(client, codeMode) };
}

describe('third parties through the account link', () => {
  it('creates a shop customer once, with its link (site per shop, no colon), and finds it by the link next time', async () => {
    const { dolibarr, thirdParties } = setup();
    const created = await thirdParties().resolve(customer());
    expect(created.code).toBe('WEB000042');
    expect(dolibarr.store.accounts).toMatchObject([{ socid: created.id, site: 'prestashop-1', key: '42' }]);
    expect(accountSite(12)).not.toContain(':');

    // A new run (nothing remembered): one call, the link.
    dolibarr.calls.reset();
    const again = await thirdParties().resolve(customer({ name: 'Camille Dupré-Martin' }));
    expect(again.id).toBe(created.id);
    expect(dolibarr.calls.total()).toBe(1);
    expect(dolibarr.calls.byResourceAndMethod()['thirdparties/accounts/prestashop-1/{id}']).toEqual({
      GET: 1,
    });
    expect(dolibarr.store.thirdparties.size).toBe(1);
  });

  it('still finds a third party renamed, recoded and whose e-mail changed in Dolibarr, by its link', async () => {
    const { dolibarr, client, thirdParties } = setup();
    const created = await thirdParties().resolve(customer());
    await client.request('PUT', `thirdparties/${created.id}`, {
      body: { name: 'Dupré Camille (Lyon)', email: 'c.dupre@exemple.fr' },
    });
    const row = dolibarr.store.thirdparties.get(created.id);
    if (row) row.code_client = 'CU2611-00042';
    // Another order of the same shop customer, whose e-mail changed in the shop too, e-mail match on.
    const found = await thirdParties().resolve(
      customer({ email: 'camille@ailleurs.fr', matchByEmail: true }),
    );
    expect(found).toEqual({ id: created.id, code: 'CU2611-00042', name: 'Dupré Camille (Lyon)' });
    expect(dolibarr.store.thirdparties.size).toBe(1);
  });

  it('keeps one link per shop: the same customer id in another shop is another customer, unless navette’s code joins them', async () => {
    // Dolibarr numbering: two third parties, one link each.
    const numbered = setup('dolibarr');
    const inShop1 = await numbered.thirdParties().resolve(customer());
    const inShop2 = await numbered
      .thirdParties()
      .resolve({ ...customer(), shopCustomer: { shopId: 2, customerId: 42 } });
    expect(inShop2.id).not.toBe(inShop1.id);
    expect(numbered.dolibarr.store.accounts.map((a) => [a.site, a.key]).sort()).toEqual([
      ['prestashop-1', '42'],
      ['prestashop-2', '42'],
    ]);
    // navette's code (prefix and id, without the shop) is one account for both, as in the embedded GesCom.
    const coded = setup('navette');
    const first = await coded.thirdParties().resolve(customer());
    const other = await coded
      .thirdParties()
      .resolve({ ...customer(), shopCustomer: { shopId: 2, customerId: 42 } });
    expect(other.id).toBe(first.id);
    expect(coded.dolibarr.store.accounts.map((a) => a.site).sort()).toEqual(['prestashop-1', 'prestashop-2']);
  });

  it('finds by e-mail when the setting says so (one sqlfilters call), then links it; never by e-mail otherwise', async () => {
    const { dolibarr, client, thirdParties } = setup();
    const existing = await client.create('thirdparties', {
      name: 'Camille Dupré',
      client: 1,
      email: 'camille.dupre@example.fr',
    });
    const notAsked = await thirdParties().resolve(customer({ code: 'WEB000007' }));
    expect(notAsked.id).not.toBe(existing);

    dolibarr.calls.reset();
    const byEmail = await thirdParties().resolve(customer({ code: 'WEB000008', matchByEmail: true }));
    expect(byEmail.id).toBe(existing);
    // The link (404), one list call, the new link; never /thirdparties/email/.
    expect(dolibarr.calls.byResourceAndMethod()).toEqual({
      'thirdparties/accounts/prestashop-1/{id}': { GET: 1 },
      thirdparties: { GET: 1 },
      'thirdparties/{id}/accounts': { POST: 1 },
    });
    expect(dolibarr.store.accounts.find((a) => a.key === '8')?.socid).toBe(existing);
  });

  it('a second customer met through a shared e-mail is found again by it (Dolibarr keeps one link per shop)', async () => {
    const { dolibarr, thirdParties } = setup();
    const first = await thirdParties().resolve(customer({ code: 'WEB000001' }));
    const second = await thirdParties().resolve(customer({ code: 'WEB000002', matchByEmail: true }));
    expect(second.id).toBe(first.id);
    // Its link could not be added (409): the next run finds it by e-mail again, without creating.
    expect(dolibarr.store.accounts).toHaveLength(1);
    expect((await thirdParties().resolve(customer({ code: 'WEB000002', matchByEmail: true }))).id).toBe(
      first.id,
    );
    expect(dolibarr.store.thirdparties.size).toBe(1);
  });

  it('adopts the third party a crash left without its link, by its ref_ext, even numbered by Dolibarr', async () => {
    const { dolibarr, thirdParties } = setup('dolibarr');
    const created = await thirdParties().resolve(customer());
    expect(dolibarr.store.thirdparties.get(created.id)?.code_client).toMatch(/^CU\d{4}-\d{5}$/);
    // The run stopped between the create and the link.
    dolibarr.store.accounts.length = 0;
    const again = await thirdParties().resolve(customer());
    expect(again.id).toBe(created.id);
    expect(dolibarr.store.thirdparties.size).toBe(1);
    expect(dolibarr.store.accounts).toHaveLength(1);
  });

  it('adopts a third party an earlier navette created with its code, without a link', async () => {
    const { dolibarr, client, thirdParties } = setup();
    const earlier = await client.create('thirdparties', {
      name: 'Camille',
      client: 1,
      code_client: 'WEB000042',
    });
    expect((await thirdParties().resolve(customer())).id).toBe(earlier);
    expect(dolibarr.store.accounts).toMatchObject([{ socid: earlier, site: 'prestashop-1', key: '42' }]);
  });

  it('a link Dolibarr finds ambiguous (the same key on two third parties, fixture 037) creates nothing', async () => {
    const { dolibarr, client, thirdParties } = setup();
    const ours = await thirdParties().resolve(customer());
    const other = await client.create('thirdparties', { name: 'Homonyme', client: 1 });
    await client.linkAccount(other, 'prestashop-1', '42');
    const found = await thirdParties().resolve(customer());
    expect(found.id).toBe(ours.id);
    expect(dolibarr.store.thirdparties.size).toBe(2);
    expect(dolibarr.store.accounts).toHaveLength(2);
  });

  it('creates a B2B customer with its company name cut to Dolibarr’s limits and its intra-EU VAT number', async () => {
    const { dolibarr, thirdParties } = setup();
    const company = `Société des Thés et Infusions du Plateau Lyonnais — ${'é'.repeat(100)}`;
    const created = await thirdParties().resolve(
      customer({ company, vatNumber: 'FR40303265045', email: `${'a'.repeat(140)}@example.fr` }),
    );
    const row = dolibarr.store.thirdparties.get(created.id);
    expect([...String(row?.name)].length).toBe(69);
    expect(row?.tva_intra).toBe('FR40303265045');
    expect(String(row?.email).length).toBeLessThanOrEqual(128);
    expect(row?.ref_ext).toBe('ps-1-c42');
  });

  it('creates the third parties Dolibarr numbers one at a time, and those with navette’s code side by side', async () => {
    const dolibarr = createDemoDolibarr({ empty: true, now: () => new Date('2026-11-27T09:43:32Z') });
    let inFlight = 0;
    let most = 0;
    // Each create takes a while, as over the network: creates asked at once would overlap.
    const slowCreates: FetchLike = async (url, init) => {
      const creating = init.method === 'POST' && url.endsWith('/thirdparties');
      if (!creating) return dolibarr.fetch(url, init);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        return await dolibarr.fetch(url, init);
      } finally {
        inFlight -= 1;
      }
    };
    const client = new DolibarrClient({
      url: dolibarr.url,
      key: dolibarr.key,
      fetch: slowCreates,
      clock: systemClock,
    });
    const four = (shopId: number) =>
      [1, 2, 3, 4].map((id) => ({
        ...customer(),
        code: `WEB00010${id}`,
        shopCustomer: { shopId, customerId: id },
      }));
    // Numbered by Dolibarr: two at once would pick the same code (real exchange 039).
    const numbered = new ThirdParties(client, 'dolibarr');
    await Promise.all(four(1).map((c) => numbered.resolve(c)));
    expect(most).toBe(1);
    most = 0;
    const ownCodes = new ThirdParties(client, 'navette');
    await Promise.all(four(2).map((c) => ownCodes.resolve(c)));
    expect(most).toBeGreaterThan(1);
    expect(dolibarr.store.thirdparties.size).toBe(8);
  });

  it('finds a generic account by its code, without any link', async () => {
    const { dolibarr, thirdParties } = setup();
    const generic = customer({ code: 'CLIENTWEB', generic: true, name: 'Clients web' });
    const created = await thirdParties().resolve(generic);
    expect((await thirdParties().resolve(generic)).id).toBe(created.id);
    expect(dolibarr.store.accounts).toHaveLength(0);
    expect(created.code).toBe('CLIENTWEB');
  });
});
