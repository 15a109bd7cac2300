import type { Command } from 'commander';
import { openNavette } from '../app/compose.js';
import type { Navette } from '../app/navette.js';
import { loadConfig } from '../config/load-config.js';
import { ExpectedFailure, isExpectedFailure } from '../domain/failure.js';
import type { Parsed } from '../domain/input-values.js';
import { EXIT } from './exit-codes.js';

/** The config file named by the global `--config` option. */
export function configPathOf(command: Command): string {
  return command.optsWithGlobals<{ config: string }>().config;
}

/** Opens navette from the config file, runs `work`, always closes. */
export async function withNavette<T>(command: Command, work: (navette: Navette) => Promise<T>): Promise<T> {
  const config = await loadConfig(configPathOf(command));
  const navette = await openNavette(config);
  try {
    return await work(navette);
  } finally {
    await navette.close();
  }
}

/**
 * A value typed on the command line, read by the parsers the web forms use too: a bad one stops the
 * command with the parser's French message and the "wrong command line" exit code.
 */
export function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new ExpectedFailure('invalid-value', parsed.message);
  return parsed.value;
}

/**
 * Runs a command's action and turns what a user can meet (bad config, shop unreachable…) into its
 * message on stderr and its exit code — "wrong command line" for a value refused by a parser or a use
 * case, "could not run" otherwise; bugs keep their stack.
 */
export function action<A extends unknown[]>(
  setExitCode: (code: number) => void,
  run: (...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      setExitCode((await run(...args)) ?? EXIT.ok);
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      process.stderr.write(`navette : ${error.message}\n`);
      setExitCode(error.code === 'invalid-value' ? EXIT.usage : EXIT.couldNotRun);
    }
  };
}
