import type { ConnectionReport } from '../../ports/order-source.js';
import type { ConnectionCheck } from '../navette.js';

/**
 * The connection report as both interfaces show it: a right the key lacks is always something to fix
 * (never "the key has every right" followed by a right it lacks), and `canImport` says whether imports
 * work meanwhile (only the write-back rights are missing).
 */
export function connectionCheck(report: ConnectionReport): ConnectionCheck {
  return {
    ...report,
    problems: [...report.problems, ...report.warnings],
    warnings: [],
    canImport: report.problems.length === 0,
  };
}
