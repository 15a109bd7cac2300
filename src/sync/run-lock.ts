import type { SyncStore } from '../ports/sync-store.js';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Lock owners name their host and process (`host:pid:random`), so that a run can tell a lock left by a
 * killed process on the same machine and take it over at once instead of waiting for its expiry.
 */
export function newLockOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

/**
 * True only when the owner is a process of this machine that no longer exists. This process is alive by
 * definition: signalling it succeeds. A pid of 0 or below names a process group, never a run.
 */
export function isDeadLocalOwner(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const LOCK_TTL_MS = 120_000;
const LOCK_REFRESH_MS = 30_000;

/** One lock per shop: two runs never overlap on it, whether started by the CLI, the web UI or the scheduler. */
export function importLockName(shopUrl: string): string {
  return `import:${shopUrl}`;
}

/** The run lock, taken over at once from a process of this machine that was killed while holding it. */
export async function acquireRunLock(store: SyncStore, name: string, owner: string): Promise<boolean> {
  if (await store.acquireLock(name, owner, LOCK_TTL_MS)) return true;
  const holder = await store.lockHolder(name);
  if (holder === undefined) return store.acquireLock(name, owner, LOCK_TTL_MS);
  return isDeadLocalOwner(holder) && store.takeOverLock(name, owner, holder, LOCK_TTL_MS);
}

/**
 * Runs `work` holding the lock, refreshed while it runs; `undefined` when another live run holds it.
 */
export async function withRunLock<T>(
  store: SyncStore,
  name: string,
  owner: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (!(await acquireRunLock(store, name, owner))) return undefined;
  const refresher = setInterval(() => void store.refreshLock(name, owner, LOCK_TTL_MS), LOCK_REFRESH_MS);
  try {
    return await work();
  } finally {
    clearInterval(refresher);
    await store.releaseLock(name, owner);
  }
}
