import { describe, expect, it } from 'vitest';
import { codePointLength, cutText } from './cut-text.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutText', () => {
  it('leaves text that fits alone', () => {
    expect(cutText('Théière en fonte', 69)).toBe('Théière en fonte');
  });

  it('cuts to the limit in characters, not UTF-16 units', () => {
    const cut = cutText('é'.repeat(80), 69);
    expect(codePointLength(cut)).toBe(69);
  });

  it('never splits an emoji or a family sequence', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = cutText(`${'a'.repeat(66)}${family}${family}`, 69);
    expect(cut).toBe('a'.repeat(66));
    expect(LONE_SURROGATE.test(cut)).toBe(false);
    const thumbs = cutText(`${'b'.repeat(67)}👍🏽👍🏽`, 69);
    expect(thumbs).toBe(`${'b'.repeat(67)}👍🏽`);
  });

  it('counts a decomposed accent as one character', () => {
    expect(cutText('e\u0301'.repeat(3), 2)).toBe('é'.repeat(2));
  });

  it('drops trailing spaces left by the cut', () => {
    expect(cutText('Bouilloire    électrique', 14)).toBe('Bouilloire');
  });
});
