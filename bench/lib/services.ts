import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import type { Logger } from '../../src/logger';

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
