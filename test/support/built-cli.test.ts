import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsStale } from './built-cli.js';

let root: string;
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 10, 0, seconds));

async function file(path: string, seconds: number): Promise<void> {
  const full = join(root, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, '');
  await utimes(full, at(seconds), at(seconds));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'navette-built-cli-'));
  await file('src/cli/main.ts', 0);
  await file('src/domain/deep/money.ts', 0);
  await file('tsconfig.json', 0);
  for (const dir of ['src/cli', 'src/domain/deep', 'src/domain', 'src'])
    await utimes(join(root, dir), at(0), at(0));
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('the CLI build used by the end-to-end tests', () => {
  it('is built when dist/ is missing', () => {
    expect(buildIsStale(root)).toBe(true);
  });

  it('is reused when it is newer than every source', async () => {
    await file('dist/cli/main.js', 10);
    expect(buildIsStale(root)).toBe(false);
  });

  it('is built again when a source deep under src/ changed after it', async () => {
    await file('dist/cli/main.js', 10);
    await file('src/domain/deep/money.ts', 20);
    expect(buildIsStale(root)).toBe(true);
  });

  it('is built again when the compiler options changed after it', async () => {
    await file('dist/cli/main.js', 10);
    await file('tsconfig.json', 20);
    expect(buildIsStale(root)).toBe(true);
  });
});
