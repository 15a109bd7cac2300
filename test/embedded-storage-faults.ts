import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small file system of its own (tmpfs), to fill up or turn read-only for real. Needs the right to mount
 * (root, as on the project's machines and CI); `undefined` where mounting is refused, and the tests then
 * use SQLite's own limits or file modes instead.
 */
export interface SmallVolume {
  readonly dir: string;
  /** Remounts the volume read-only: even root cannot write to it (file modes would not stop root). */
  readOnly(): void;
  close(): void;
}

export function mountSmallVolume(sizeKb: number): SmallVolume | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'navette-volume-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }),
    close: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const isRoot = (): boolean => process.getuid?.() === 0;
