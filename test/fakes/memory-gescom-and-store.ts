import type { Clock } from '../../src/ports/clock.js';
import type { GescomTargetUnderTest } from '../contract/gescom-target.contract.js';
import { ManualClock } from '../contract/manual-clock.js';
import type { SyncStoreUnderTest } from '../contract/sync-store.contract.js';
import { MemoryGescom } from './memory-gescom.js';
import { MemorySyncStore } from './memory-sync-store.js';

/** The in-memory GesCom and its store, as the contract suites and the sync's unit tests want them. */
export function openMemoryGescom(
  clock: Clock = new ManualClock(),
  options: { readonly maxAttempts?: number } = {},
): GescomTargetUnderTest & SyncStoreUnderTest & { target: MemoryGescom; store: MemorySyncStore } {
  const store = new MemorySyncStore(clock, { maxAttempts: options.maxAttempts ?? 4 });
  const target = new MemoryGescom(store, clock);
  return {
    target,
    store,
    writeImport: async (record, document) => store.writeImport(record, document),
    close: async () => {
      await target.close();
      await store.close();
    },
  };
}
