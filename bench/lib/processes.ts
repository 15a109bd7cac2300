import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A compiled bench script beside this one (`dist/bench/bench/…`). */
export function benchScript(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/** A child process that speaks one JSON value per stdout line; its stderr goes to ours. */
export interface JsonChild {
  readonly process: ChildProcess;
  /** The next JSON line it prints (rejects if it exits first). */
  next<T>(): Promise<T>;
  send(line: string): void;
  /** Closes its stdin (the demo shop then stops) and waits for it to exit. */
  close(): Promise<number | null>;
}

export function spawnJsonChild(
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): JsonChild {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const queued: unknown[] = [];
  const waiting: { resolve(value: unknown): void; reject(error: Error): void }[] = [];
  let exited: Error | undefined;
  const exit = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = new Error(`${script} exited (${signal ?? code}) before answering`);
      for (const waiter of waiting.splice(0)) waiter.reject(exited);
      resolve(code);
    });
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Not for us (a stray log line): shown, not parsed.
      process.stderr.write(`${line}\n`);
      return;
    }
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(value);
    else queued.push(value);
  });
  return {
    process: child,
    next<T>() {
      if (queued.length > 0) return Promise.resolve(queued.shift() as T);
      if (exited) return Promise.reject(exited);
      return new Promise<T>((resolve, reject) => {
        waiting.push({ resolve, reject });
      });
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    close() {
      child.stdin.end();
      return exit;
    },
  };
}
