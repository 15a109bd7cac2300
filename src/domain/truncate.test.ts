import { describe, expect, it } from 'vitest';
import { cleanMultilineText, cleanText, truncateText } from './truncate.js';

describe('cleanText', () => {
  it('removes control characters, turns breaks and tabs into single spaces, trims', () => {
    expect(cleanText('  Pull\tcolibri\r\n  (L)\u0000\u0007 \u200b ')).toBe('Pull colibri (L)');
  });

  it('composes combining marks (NFC)', () => {
    const decomposed = 'Ele\u0301onore';
    expect(cleanText(decomposed)).toBe('El\u00e9onore');
    expect(cleanText(decomposed)).toHaveLength(8);
  });

  it('keeps emoji sequences (zero-width joiners) intact', () => {
    expect(cleanText('Famille 👨‍👩‍👧')).toBe('Famille 👨‍👩‍👧');
  });

  it('gives plain Latin-1 text back as it is, and cleans it when a space is doubled or at an end', () => {
    for (const text of ['', 'Café Noël, 12 rue de la Paix', 'ÀÉÎÕÜ àéîõü ÿ ¡¿ «»', '~!@#$%^&*()_+{}|:"<>?'])
      expect(cleanText(text)).toBe(text);
    expect(cleanText('Café  Noël')).toBe('Café Noël');
    expect(cleanText(' Café')).toBe('Café');
    expect(cleanText('Café ')).toBe('Café');
    expect(cleanText('Café\u00a0Noël')).toBe('Café Noël');
    expect(cleanText('e\u0301')).toBe('é');
  });
});

describe('cleanMultilineText', () => {
  it('reads Windows and old Mac line ends as line breaks', () => {
    expect(cleanMultilineText('un\r\ndeux\rtrois\nquatre')).toBe('un\ndeux\ntrois\nquatre');
  });

  it('keeps line breaks, cleans each line, collapses blank lines', () => {
    expect(cleanMultilineText('\n \n Bonjour\n\t\n')).toBe('Bonjour');
    expect(cleanMultilineText('Bonjour\r\n\r\n\r\n  à   demain\t!\u0000 ')).toBe('Bonjour\n\nà demain !');
  });
});

describe('truncateText', () => {
  it('keeps a text exactly as long as the limit whole', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcd', 3)).toBe('abc');
  });

  it('leaves a short text as it is (cleaned)', () => {
    expect(truncateText('  Coussin  renard ', 69)).toBe('Coussin renard');
  });

  it('cuts to the limit and trims the space left by the cut', () => {
    expect(truncateText('Carnet de notes Renard', 16)).toBe('Carnet de notes');
    expect(truncateText('Carnet de notes Renard', 17)).toBe('Carnet de notes R');
  });

  it('never breaks a surrogate pair: the emoji is kept whole or dropped', () => {
    const text = 'Maison 🏠 bleue';
    expect(truncateText(text, 8)).toBe('Maison');
    expect(truncateText(text, 9)).toBe('Maison 🏠');
  });

  it('never breaks a ZWJ emoji sequence or a flag', () => {
    expect(truncateText('ab👨‍👩‍👧cd', 5)).toBe('ab');
    expect(truncateText('ab🇫🇷', 3)).toBe('ab');
    expect(truncateText('ab🇫🇷', 6)).toBe('ab🇫🇷');
  });

  it('never separates a letter from a combining mark that has no precomposed form', () => {
    // q + combining dot below has no NFC form: it stays two code units, cut together.
    expect(truncateText('aq\u0323', 2)).toBe('a');
    expect(truncateText('aq\u0323', 3)).toBe('aq\u0323');
  });

  it('cuts where a grapheme-by-grapheme cut would, whatever the characters around the limit', () => {
    const pieces = ['a', 'é', ' ', 'e\u0301', '👨‍👩‍👧', '🇫🇷', 'x\u0308', '«', '¿', '\u00ad', '中'];
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });
    for (let run = 0; run < 2000; run += 1) {
      const text = Array.from({ length: 5 + (next() % 30) }, () => pieces[next() % pieces.length]).join('');
      const limit = next() % 40;
      const clean = cleanText(text);
      let expected = '';
      for (const { segment } of graphemes.segment(clean)) {
        if (expected.length + segment.length > limit) break;
        expected += segment;
      }
      expect(truncateText(text, limit), JSON.stringify([text, limit])).toBe(
        clean.length <= limit ? clean : expected.trimEnd(),
      );
    }
  });

  it('cuts a long company name to 69', () => {
    const name =
      "Société Coopérative d'Intérêt Collectif des Artisans Boulangers-Pâtissiers de la Vallée de la Dordogne";
    const cut = truncateText(name, 69);
    expect(cut).toBe("Société Coopérative d'Intérêt Collectif des Artisans Boulangers-Pâtis");
    expect(cut.length).toBeLessThanOrEqual(69);
  });

  it('gives an empty text for a limit of 0 and refuses a negative one', () => {
    expect(truncateText('abc', 0)).toBe('');
    expect(() => truncateText('abc', -1)).toThrow('invalid maximum length -1');
    expect(() => truncateText('abc', 1.5)).toThrow('invalid maximum length 1.5');
  });
});
