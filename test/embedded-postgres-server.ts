import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/adapters/embedded/database.js';

/**
 * The PostgreSQL server of the project's machines (127.0.0.1:5432, trust auth). Each test file gets its
 * own databases, created from a migrated template (fast to copy) and dropped afterwards.
 */
const HOST = process.env.NAVETTE_TEST_PG_HOST ?? '127.0.0.1:5432';
const ADMIN_CANDIDATES = [
  `postgres://postgres@${HOST}/test`,
  `postgres://postgres@${HOST}/postgres`,
  `postgres://${userInfo().username}@${HOST}/test`,
  `postgres://${userInfo().username}@${HOST}/postgres`,
];

export interface PostgresTestServer {
  /** A new migrated database; its URL. */
  createDatabase(this: void): Promise<{ url: string; drop: () => Promise<void> }>;
  /** Drops every database this server object created. */
  dispose(): Promise<void>;
}

/** Connects to the server, or explains why not (the caller decides whether that may skip or must fail). */
export async function connectPostgresTestServer(): Promise<PostgresTestServer | { unavailable: string }> {
  const errors: string[] = [];
  for (const adminUrl of ADMIN_CANDIDATES) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.end();
      return await prepareServer(adminUrl);
    } catch (error) {
      errors.push(`${adminUrl}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
      await client.end().catch(() => undefined);
    }
  }
  return { unavailable: errors.join('; ') };
}

async function prepareServer(adminUrl: string): Promise<PostgresTestServer> {
  const prefix = `navette_test_${randomBytes(4).toString('hex')}`;
  const template = `${prefix}_template`;
  const created: string[] = [];
  let counter = 0;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  await admin(`create database ${template}`);
  created.push(template);
  const migrated = await openDatabase(urlOf(template));
  await migrated.close();

  return {
    async createDatabase() {
      counter += 1;
      const name = `${prefix}_${counter}`;
      await admin(`create database ${name} template ${template}`);
      created.push(name);
      return {
        url: urlOf(name),
        drop: async () => {
          await admin(`drop database if exists ${name} with (force)`);
          created.splice(created.indexOf(name), 1);
        },
      };
    },
    async dispose() {
      for (const name of created.splice(0).reverse())
        await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
