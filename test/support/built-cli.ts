import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** What the build reads besides src/: a changed compiler option makes another build too. */
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Held while one test file builds, so that two workers never write dist/ at once. */
const LOCK = join(ROOT, 'dist', '.test-build.lock');
/** A lock older than this was left by a killed build. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * The CLI runs from dist/. Built again when dist/ is missing or older than any file under src/ (or the
 * build's config), so that a test never runs yesterday's code; `npm run check` builds just before the
 * tests, and then nothing is built again. tsc writes every output on each build: dist/cli/main.js dates
 * the whole build.
 */
export function ensureBuiltCli(): void {
  if (!buildIsStale()) return;
  withBuildLock(() => {
    // Another worker may have built while this one waited for the lock.
    if (buildIsStale())
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  });
}

/** dist/ is missing, or older than a source or the build's config. */
export function buildIsStale(root = ROOT): boolean {
  const built = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return (
    newestUnder(join(root, 'src')) > builtAt ||
    BUILD_INPUTS.some((file) => existsSync(join(root, file)) && statSync(join(root, file)).mtimeMs > builtAt)
  );
}

/** The newest modification time of the files under `dir` (a few hundred stats: a few milliseconds). */
export function newestUnder(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() && !entry.isDirectory()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function withBuildLock(build: () => void): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - lockTime() > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function lockTime(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function navetteCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'navette.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
