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
    ['documents'],
    ['/a\u0000b'],
    ['/a\u001fb'],
    ['/a\u007fb'],
    ['/a\\b'],
    ['/%2e%2e//evil.example'],
    ['/./\u0009/evil.example'],
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
    ['/a\u0080b', '/a%C2%80b'],
    ['/a~b?x=//y', '/a~b?x=//y'],
  ])('keeps %j as %j', (value, expected) => {
    expect(localPath(value)).toBe(expected);
    expect(localPath(value, '/settings')).toBe(expected);
  });

  it('gives the fallback when there is no path', () => {
    expect(localPath(undefined)).toBe('/');
    expect(localPath(undefined, '/settings')).toBe('/settings');
  });

  it('keeps a path of 2,048 characters, refuses a longer one', () => {
    const longest = `/${'a'.repeat(2047)}`;
    expect(localPath(longest)).toBe(longest);
    expect(localPath(`${longest}a`)).toBe('/');
  });
});
