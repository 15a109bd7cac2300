import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../test/contract/manual-clock.js';
import { MemorySyncStore } from '../../test/fakes/memory-sync-store.js';
import { acquireRunLock, importLockName, isDeadLocalOwner, newLockOwner, withRunLock } from './run-lock.js';

describe('lock owners', () => {
  it('tells a killed process of this machine from a live one or another machine’s', () => {
    const finished = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    expect(isDeadLocalOwner(`${hostname()}:${finished.pid}:x`)).toBe(true);
    expect(isDeadLocalOwner(newLockOwner())).toBe(false);
    expect(isDeadLocalOwner(`${hostname()}:1:x`)).toBe(false);
    expect(isDeadLocalOwner(`another-host:${finished.pid}:x`)).toBe(false);
    expect(isDeadLocalOwner('garbage')).toBe(false);
    // A negative pid would ask about a process group (none has this number): never a run's owner.
    expect(isDeadLocalOwner(`${hostname()}:-${finished.pid}:x`)).toBe(false);
  });

  it('names the host and the process, and differs from one owner to the next', () => {
    const owner = newLockOwner();
    expect(owner.startsWith(`${hostname()}:${process.pid}:`)).toBe(true);
    expect(owner.length).toBeGreaterThan(`${hostname()}:${process.pid}:`.length);
    expect(newLockOwner()).not.toBe(owner);
  });

  it('takes a process it may not signal (another user’s) for a live one', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    });
    try {
      expect(isDeadLocalOwner(`${hostname()}:4242:x`)).toBe(false);
      expect(kill).toHaveBeenCalledWith(4242, 0);
    } finally {
      kill.mockRestore();
    }
  });
});

describe('the run lock', () => {
  const NAME = importLockName('https://shop.example');
  const killedOwner = () => `${hostname()}:${spawnSync(process.execPath, ['-e', '0']).pid}:killed`;

  it('is taken when free, refused while a live run holds it, taken over from a killed process', async () => {
    const store = new MemorySyncStore(new ManualClock());
    expect(await acquireRunLock(store, NAME, 'me')).toBe(true);
    expect(await acquireRunLock(store, NAME, 'other-host:1:live')).toBe(false);
    // A process of this machine that is still running (this one) keeps its lock.
    expect(await acquireRunLock(store, NAME, `${hostname()}:${process.pid}:other`)).toBe(false);
    await store.releaseLock(NAME, 'me');

    const killed = killedOwner();
    expect(await store.acquireLock(NAME, killed, 120_000)).toBe(true);
    expect(await acquireRunLock(store, NAME, 'me')).toBe(true);
    expect(await store.lockHolder(NAME)).toBe('me');
  });

  it('is one lock per shop: a run on another shop is not held up', async () => {
    const store = new MemorySyncStore(new ManualClock());
    expect(importLockName('https://shop.example')).toBe('import:https://shop.example');
    expect(await acquireRunLock(store, importLockName('https://one.example'), 'other-host:1:live')).toBe(
      true,
    );
    expect(await acquireRunLock(store, importLockName('https://two.example'), 'me')).toBe(true);
    expect(await acquireRunLock(store, importLockName('https://one.example'), 'me')).toBe(false);
  });

  it('is taken when its holder let it go between the two questions', async () => {
    const store = new MemorySyncStore(new ManualClock());
    const acquire = store.acquireLock.bind(store);
    let calls = 0;
    store.acquireLock = async (...args) => (++calls === 1 ? false : acquire(...args));
    expect(await acquireRunLock(store, NAME, 'me')).toBe(true);
    expect(await store.lockHolder(NAME)).toBe('me');
  });

  it('is held while the work runs, refreshed, and let go after it, even when it throws', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const clock = new ManualClock();
      const store = new MemorySyncStore(clock);
      const result = await withRunLock(store, NAME, 'me', async () => {
        for (let minute = 0; minute < 5; minute += 1) {
          clock.advance(60_000);
          await vi.advanceTimersByTimeAsync(60_000);
        }
        // Five minutes after it was taken with a two-minute ttl: still ours, because it was refreshed.
        expect(await store.acquireLock(NAME, 'other-host:1:live', 120_000)).toBe(false);
        expect(await withRunLock(store, NAME, 'other-host:1:live', async () => 'ran')).toBeUndefined();
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.lockHolder(NAME)).toBeUndefined();
      expect(vi.getTimerCount()).toBe(0);

      await expect(
        withRunLock(store, NAME, 'me', async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.lockHolder(NAME)).toBeUndefined();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
