import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isDeadLocalOwner, newLockOwner } from './run-lock.js';

describe('lock owners', () => {
  it('tells a killed process of this machine from a live one or another machine’s', () => {
    const finished = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    expect(isDeadLocalOwner(`${hostname()}:${finished.pid}:x`)).toBe(true);
    expect(isDeadLocalOwner(newLockOwner())).toBe(false);
    expect(isDeadLocalOwner(`${hostname()}:1:x`)).toBe(false);
    expect(isDeadLocalOwner(`another-host:${finished.pid}:x`)).toBe(false);
    expect(isDeadLocalOwner('garbage')).toBe(false);
  });
});
