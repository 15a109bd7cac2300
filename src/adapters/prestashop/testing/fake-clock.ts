import type { Clock } from '../../../ports/clock.js';

/**
 * A clock for tests: short sleeps (backoff) end at once and are recorded; long ones (the request
 * timeout) end only when `expireTimeouts` is set, so that a test chooses whether a call times out.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  expireTimeouts = false;
  private time: number;

  constructor(
    start = '2026-11-27T10:00:00Z',
    private readonly timeoutThresholdMs = 10_000,
  ) {
    this.time = Date.parse(start);
  }

  now(): Date {
    return new Date(this.time);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms >= this.timeoutThresholdMs && !this.expireTimeouts) {
      return new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    }
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}
