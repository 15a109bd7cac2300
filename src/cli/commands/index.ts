import type { Command } from 'commander';
import { registerArticles } from './articles.js';
import { registerCheckConnection } from './check-connection.js';
import { registerDemo } from './demo.js';
import { registerDemoDolibarr } from './demo-dolibarr.js';
import { registerDemoShop } from './demo-shop.js';
import { registerDocuments } from './documents.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerPassword } from './password.js';
import { registerReconcile } from './reconcile.js';
import { registerReset } from './reset.js';
import { registerRuns } from './runs.js';
import { registerServe } from './serve.js';
import { registerStates } from './states.js';
import { registerStatusUpdates } from './status-updates.js';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, setExitCode: (code: number) => void): void {
  registerDemo(program, setExitCode);
  registerInit(program, setExitCode);
  registerImport(program, setExitCode);
  registerStates(program, setExitCode);
  registerCheckConnection(program, setExitCode);
  registerArticles(program, setExitCode);
  registerDocuments(program, setExitCode);
  registerRuns(program, setExitCode);
  registerReset(program, setExitCode);
  registerReconcile(program, setExitCode);
  registerStatusUpdates(program, setExitCode);
  registerDemoShop(program, setExitCode);
  registerDemoDolibarr(program, setExitCode);
  registerServe(program, setExitCode);
  registerPassword(program, setExitCode);
}
