import { openDatabase } from '../../src/adapters/embedded/database.js';
import { SqlSyncStore } from '../../src/adapters/embedded/store/sql-sync-store.js';
import { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';
import { DolibarrGescom } from '../../src/adapters/dolibarr/dolibarr-gescom.js';
import { createDemoDolibarr, type DemoDolibarr } from '../../src/demo-dolibarr/index.js';
import { ManualClock } from '../contract/manual-clock.js';
import { systemClock } from '../../src/ports/clock.js';

/** The simulated Dolibarr, empty but for a bank account, and navette's store in memory beside it. */
export async function openDolibarrUnderTest(
  options: {
    dolibarr?: DemoDolibarr;
    customerCode?: 'navette' | 'dolibarr';
    foreignCurrencyWithoutModule?: 'refuse' | 'convert';
  } = {},
) {
  const clock = new ManualClock();
  const dolibarr = options.dolibarr ?? createDemoDolibarr({ empty: true, now: () => clock.now() });
  // The client's timeouts and retries run on real time (short), the store's on the test's clock.
  const client = new DolibarrClient({
    url: dolibarr.url,
    key: dolibarr.key,
    fetch: dolibarr.fetch,
    clock: systemClock,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const bankAccountId = await client.createBankAccount();
  const database = await openDatabase(':memory:', { clock });
  const store = new SqlSyncStore(database, clock);
  const target = new DolibarrGescom(client, store, {
    bankAccountId,
    ...(options.customerCode && { customerCode: options.customerCode }),
    ...(options.foreignCurrencyWithoutModule && {
      foreignCurrencyWithoutModule: options.foreignCurrencyWithoutModule,
    }),
  });
  return {
    dolibarr,
    clock,
    client,
    target,
    store,
    transformsByHand: false,
    async close() {
      await target.close();
      await store.close();
      await database.close();
    },
  };
}
