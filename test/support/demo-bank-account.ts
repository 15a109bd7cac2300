import { DolibarrClient } from '../../src/adapters/dolibarr/dolibarr-client.js';
import { systemClock } from '../../src/ports/clock.js';
import type { DemoDolibarr } from '../../src/demo-dolibarr/index.js';

/**
 * The bank account payments go to, created in a simulated Dolibarr as its user would (Banques et
 * caisses): its id is `gescom.dolibarr.bankAccountId`. `url` is where the simulator listens, when it does.
 */
export async function demoBankAccount(dolibarr: DemoDolibarr, url: string = dolibarr.url): Promise<number> {
  const client = new DolibarrClient({ url, key: dolibarr.key, fetch: dolibarr.fetch, clock: systemClock });
  return client.createBankAccount();
}
