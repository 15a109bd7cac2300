import { describe, expect, it } from 'vitest';
import { localPath } from './local-path.js';

describe('localPath', () => {
  it.each([
    ['/\t/evil.example'],
    ['/\r\n/evil.example'],
    ['/\\evil.example'],
    ['//evil.example'],
    ['/.//evil.example'],
    ['/a/../..//evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    [' /documents'],
    [''],
  ])('refuses %j', (value) => {
    expect(localPath(value)).toBe('/');
    expect(localPath(value, '/settings')).toBe('/settings');
  });

  it.each([
    ['/', '/'],
    ['/documents?type=facture&page=2', '/documents?type=facture&page=2'],
    ['/runs/abc#top', '/runs/abc#top'],
    ['/a/./b/../c', '/a/c'],
    ['/documents?q=é', '/documents?q=%C3%A9'],
    ['/a b', '/a%20b'],
  ])('keeps %j as %j', (value, expected) => {
    expect(localPath(value)).toBe(expected);
  });
});
