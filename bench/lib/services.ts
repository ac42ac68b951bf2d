import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import type { Logger } from '../../src/logger';
import { connectOrm } from '../../src/db/database';
import { reindexAll } from '../../src/search/indexer';
import { createMeiliClients } from '../../src/search/meili';
import { startEmbeddedMeili } from '../../src/search/meili-server';

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * The benchmark's own database `clusterbase_bench_<scale>` on DATABASE_URL's server, or on the
 * embedded server under DATA_DIR when none is set.
 */
export async function benchDatabase(scale: string, logger: Logger): Promise<BenchDatabase> {
  const config = loadConfig();
  const name = `clusterbase_bench_${scale}`;
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    await ensureDatabase(config.DATABASE_URL, name);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres(path.join(config.DATA_DIR, 'postgres'), config.EMBEDDED_PG_PORT, logger);
  await ensureDatabase(embedded.url('postgres'), name);
  return { url: embedded.url(name), stop: () => embedded.stop() };
}

export function argument(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

export interface BenchSearch {
  url: string;
  masterKey: string;
  prefix: string;
  stop(): Promise<void>;
}

/** Meilisearch for the benchmark: MEILI_URL if set, else the embedded binary under DATA_DIR/bench-meili. */
export async function benchSearch(scale: string, logger: Logger): Promise<BenchSearch> {
  const config = loadConfig();
  const prefix = `bench_${scale}_`;
  if (config.MEILI_URL) {
    return { url: config.MEILI_URL, masterKey: config.MEILI_MASTER_KEY ?? '', prefix, stop: async () => undefined };
  }
  const meili = await startEmbeddedMeili({ dataDir: path.join(config.DATA_DIR, 'bench-meili'), logger });
  return { url: meili.url, masterKey: meili.masterKey, prefix, stop: () => meili.stop() };
}

/** Rebuilds the benchmark index from the database; returns the seconds it took. */
export async function reindexBench(databaseUrl: string, search: BenchSearch): Promise<{ seconds: number; indexed: number }> {
  const started = Date.now();
  const orm = await connectOrm(databaseUrl);
  try {
    const { indexed } = await reindexAll(orm.em.fork(), createMeiliClients(search).admin, search.prefix);
    return { seconds: (Date.now() - started) / 1000, indexed };
  } finally {
    await orm.close();
  }
}
