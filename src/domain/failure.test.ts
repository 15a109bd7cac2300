import { describe, expect, it } from 'vitest';

import { ExpectedFailure, isExpectedFailure, isGescomFailure, isGescomFailureCode } from './failure.js';

describe('an expected failure', () => {
  it('carries its code, message and cause', () => {
    const cause = new Error('socket closed');
    const failure = new ExpectedFailure('shop-unreachable', 'La boutique ne répond pas.', { cause });
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('ExpectedFailure');
    expect(failure.code).toBe('shop-unreachable');
    expect(failure.message).toBe('La boutique ne répond pas.');
    expect(failure.cause).toBe(cause);
    expect(isExpectedFailure(failure)).toBe(true);
    expect(isExpectedFailure(new Error('bug'))).toBe(false);
    expect(isExpectedFailure({ code: 'x', message: 'y' })).toBe(false);
  });

  it("is a GesCom's refusal only with one of the GesCom's codes", () => {
    expect(isGescomFailureCode('transform-backwards')).toBe(true);
    expect(isGescomFailureCode('shop-unreachable')).toBe(false);
    expect(isGescomFailure(new ExpectedFailure('already-imported', 'déjà importée'))).toBe(true);
    expect(isGescomFailure(new ExpectedFailure('shop-unreachable', 'injoignable'))).toBe(false);
    const lookalike = Object.assign(new Error('x'), { code: 'already-imported' });
    expect(isGescomFailure(lookalike)).toBe(false);
  });
});
