import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../src/app/heap-tuning.js';
import { ROOT, ensureBuiltCli } from '../support/built-cli.js';

const BIN = join(ROOT, 'bin', 'navette.js');

/**
 * The `navette` command is `bin/navette.js` run through its first line, as npm's link (a symlink) or its
 * Windows shim (which reads that line) runs it: node must get `NODE_FLAGS` there, since V8 reads them
 * only when the process starts.
 */
describe('the navette command’s node flags', () => {
  beforeAll(() => ensureBuiltCli());

  it('are on the first line of bin/navette.js, which is executable', () => {
    const firstLine = readFileSync(BIN, 'utf8').split('\n')[0];
    expect(firstLine).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    expect(() => accessSync(BIN, constants.X_OK)).not.toThrow();
  });

  it('reach node when the command is run as a program', () => {
    // What node was started with, written by a module node loads before navette's own.
    const reportFlags = `data:text/javascript,process.on('exit',()=>process.stderr.write('FLAGS='+JSON.stringify(process.execArgv)))`;
    const result = spawnSync(BIN, ['--version'], {
      env: { ...process.env, NODE_OPTIONS: `--import=${reportFlags}` },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const flags = JSON.parse(/FLAGS=(.*)$/m.exec(result.stderr)?.[1] ?? '[]') as string[];
    expect(flags).toEqual([...NODE_FLAGS]);
  });
});
