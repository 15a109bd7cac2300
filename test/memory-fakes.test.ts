import { describeGescomTargetContract } from './contract/gescom-target.contract.js';
import { describeSyncStoreContract } from './contract/sync-store.contract.js';
import { openMemoryGescom } from './fakes/memory-gescom-and-store.js';

// The fakes the sync engine's unit tests run on keep the promises of the real adapters.
describeGescomTargetContract('in-memory GesCom', async () => openMemoryGescom());
describeSyncStoreContract('in-memory store', async (clock) => openMemoryGescom(clock));
