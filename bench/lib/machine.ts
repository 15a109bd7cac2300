import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

/** What the numbers were measured on: they mean nothing without it. */
export interface Machine {
  readonly date: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews wall times. */
  readonly loadAverage: number;
  /** The commit measured, `+` when src/ had changes not yet committed (others work in the same tree). */
  readonly commit: string;
}

export function describeMachine(): Machine {
  let cpuModel = 'unknown';
  try {
    cpuModel =
      /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: the model stays unknown rather than guessed.
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cpus: availableParallelism(),
    cpuModel,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    commit: gitCommit(),
  };
}

export function machineLine(machine: Machine): string {
  return `${machine.date} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGiB} GiB · Node ${machine.node} · load ${machine.loadAverage} · ${machine.commit}`;
}

function gitCommit(): string {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src') === '' ? '' : '+'}`;
  } catch {
    return 'unknown commit';
  }
}
