import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('cachingStatements', () => {
  const opened: BetterSqlite3.Database[] = [];
  const open = (capacity?: number) => {
    const sqlite = new BetterSqlite3(':memory:');
    opened.push(sqlite);
    sqlite.exec('create table t (id integer primary key, name text)');
    return { sqlite, cached: cachingStatements(sqlite, capacity) };
  };
  afterEach(() => {
    for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close();
  });

  it('prepares a SQL text once and reuses it with new parameters', () => {
    const { cached } = open();
    const insert = cached.prepare('insert into t (name) values (?)');
    expect(cached.prepare('insert into t (name) values (?)')).toBe(insert);
    insert.run(['a']);
    cached.prepare('insert into t (name) values (?)').run(['b']);
    expect(cached.prepare('select name from t order by id').all([])).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('drops the least recently used text past its capacity', () => {
    const { cached } = open(2);
    const first = cached.prepare('select 1');
    const second = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(first); // used again: now the most recent
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(first);
    expect(cached.prepare('select 2')).not.toBe(second);
  });

  it('gives a fresh statement while the cached one is being iterated', () => {
    const { cached } = open();
    cached.prepare('insert into t (name) values (?)').run(['a']);
    const iterating = cached.prepare('select name from t');
    const rows = iterating.iterate([]);
    rows.next();
    const other = cached.prepare('select name from t');
    expect(other).not.toBe(iterating);
    expect(other.all([])).toEqual([{ name: 'a' }]);
    rows.return?.();
  });

  it('still answers after the schema changed under a cached statement', () => {
    const { sqlite, cached } = open();
    cached.prepare('insert into t (name) values (?)').run(['a']);
    expect(cached.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'a' }]);
    sqlite.exec("alter table t add column note text default 'n'");
    expect(cached.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'a', note: 'n' }]);
  });

  it('says whether a transaction is open, and closes the database', () => {
    const { sqlite, cached } = open();
    expect(cached.inTransaction).toBe(false);
    sqlite.exec('begin');
    expect(cached.inTransaction).toBe(true);
    sqlite.exec('rollback');
    cached.close();
    expect(sqlite.open).toBe(false);
  });
});
