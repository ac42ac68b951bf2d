import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { startHttp } from '../../src/app';
import { liveIndex, reindexAll } from '../../src/search/indexer';
import { startSearch } from '../../src/search/runtime';
import type { TestMeili } from '../search-helpers';
import { loadConfig } from '../../src/config';
import { connectOrm } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { withDatabase } from '../global-setup';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  databaseUrl: string;
  /** SQL statements seen since the last reset (the ORM's query log). */
  statements: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Applies every queued search update now (the app was started without background polling). */
  drainSearch(): Promise<void>;
  close(): Promise<void>;
}

/** A private copy of the seeded template database, served over real HTTP on a free port. */
/**
 * `responseCache`: most tests write through SQL and read right back, which the cache only sees
 * after PostgreSQL's NOTIFY; they run without it, and the cache has tests of its own.
 */
export async function createTestApp(options: { responseCache?: boolean; search?: TestMeili } = {}): Promise<TestApp> {
  const adminUrl = process.env.CB_TEST_ADMIN_URL!;
  const database = `${process.env.CB_TEST_TEMPLATE}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database} template ${process.env.CB_TEST_TEMPLATE}`);
  await admin.end();

  const databaseUrl = withDatabase(adminUrl, database);
  const statements: string[] = [];
  const orm = await connectOrm(databaseUrl, (message) => {
    if (message.includes('[query]')) statements.push(message);
  });
  const config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', RESPONSE_CACHE_MAX_AGE: options.responseCache ? '300' : '0' }),
    HOST: '127.0.0.1',
  };
  const logger = createLogger('silent');
  // A search runtime on the given Meilisearch, with an index of its own, filled before the app answers.
  const search = options.search
    ? await startSearch({
        config: { MEILI_URL: options.search.url, MEILI_MASTER_KEY: options.search.masterKey, DATA_DIR: '/nonexistent', SEARCH_INDEX_PREFIX: `${database}_` },
        orm,
        logger,
        // No background polling: its statements would blur the per-request counts; tests drain explicitly.
        pollMs: 3_600_000,
      })
    : undefined;
  if (search) {
    await reindexAll(orm.em.fork(), search.clients.admin, `${database}_`);
    await search.drain();
  }
  const http = await startHttp(orm, config, logger, 0, search);

  return {
    url: http.url,
    orm,
    databaseUrl,
    statements,
    async gql(query, variables, headers = {}) {
      const response = await fetch(http.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { ...body, status: response.status } as never;
    },
    async drainSearch() {
      if (!search) throw new Error('this test app was created without search');
      await search.drain();
    },
    async close() {
      await http.close();
      await search?.stop();
      await search?.clients.admin.deleteIndex(liveIndex(`${database}_`)).catch(() => undefined);
      await orm.close();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${database} with (force)`);
      await cleanup.end();
    },
  };
}
