/** The SQL databases the embedded GesCom and the store run on. */
export type SqlDialectName = 'sqlite' | 'postgres';
