import { describe, expect, it } from 'vitest';
import { ReferenceDataCache, type ReferenceNeeds } from './reference-data.js';
import { FakeClock } from './testing/fake-clock.js';
import { FAKE_KEY, FAKE_URL, createFakeWebservice } from './testing/fake-webservice.js';
import { WebserviceClient } from './webservice-client.js';

const NOTHING: ReferenceNeeds = { orderStates: [], currencies: [], carriers: [], countries: [], taxes: [] };

function cacheOn() {
  const fake = createFakeWebservice();
  const client = new WebserviceClient({
    url: FAKE_URL,
    key: FAKE_KEY,
    fetch: fake.fetch,
    clock: new FakeClock(),
  });
  const calls = (resource: string) =>
    fake.calls.filter((call) => new URL(call.url).pathname === `/api/${resource}`).length;
  return { fake, cache: new ReferenceDataCache(client), calls };
}

describe('the reference data kept for the life of a process', () => {
  it('reads each resource once, however many batches need it', async () => {
    const { cache, calls, fake } = cacheOn();
    const currencyId = Number(fake.tables['currencies']![0]!['id']);
    for (let batch = 0; batch < 3; batch += 1) {
      const data = await cache.referenceData({ ...NOTHING, currencies: [currencyId] });
      expect(data.currencies.has(currencyId)).toBe(true);
    }
    await cache.orderStates();
    for (const resource of ['order_states', 'currencies', 'carriers', 'countries', 'taxes'])
      expect({ resource, calls: calls(resource) }).toEqual({ resource, calls: 1 });
  });

  it('reads a resource again when a batch needs an id it lacks (created since), once per missing id', async () => {
    const { cache, calls, fake } = cacheOn();
    await cache.referenceData(NOTHING);
    const added = { ...fake.tables['currencies']![0]!, id: 77, iso_code: 'CHF' };
    fake.tables['currencies']!.push(added);

    const data = await cache.referenceData({ ...NOTHING, currencies: [77] });
    expect(data.currencies.get(77)?.iso_code).toBe('CHF');
    expect(calls('currencies')).toBe(2);
    expect(calls('taxes')).toBe(1);

    // An id the shop really lacks costs one more read, not one a batch.
    await cache.referenceData({ ...NOTHING, currencies: [404] });
    await cache.referenceData({ ...NOTHING, currencies: [404] });
    expect(calls('currencies')).toBe(3);
  });
});
