import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { startDatabase } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { liveIndex, reindexAll, ReindexProgress } from './indexer';
import { createMeiliClients } from './meili';
import { connectMeili } from './runtime';

/**
 * `npm run reindex`: rebuilds the search index from PostgreSQL into a fresh index and swaps it in.
 * With the embedded Meilisearch, stop the API first (one server per data dir); with MEILI_URL it
 * runs beside a live API, whose searches keep answering from the old index until the swap.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await startDatabase({ ...config, SEED_ON_EMPTY: false }, logger);
  const meili = await connectMeili(config, logger);
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'reindex [{bar}] {percentage}% {value}/{total} {stage}' }, Presets.shades_classic) : undefined;
  let lastLogged = -1;
  const progress = (p: ReindexProgress) => {
    if (bar) {
      if (!bar.getTotal()) bar.start(p.total, 0, { stage: p.type });
      bar.update(p.done, { stage: p.type });
      return;
    }
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 100;
    // Plain lines for logs: at each 10% step and each stage change.
    if (pct >= lastLogged + 10 || p.type === 'swap') {
      lastLogged = pct;
      console.log(`reindex ${pct}% (${p.done}/${p.total}) ${p.type}`);
    }
  };
  try {
    const started = Date.now();
    const { indexed } = await reindexAll(db.orm.em.fork(), createMeiliClients(meili).admin, config.SEARCH_INDEX_PREFIX, progress);
    bar?.stop();
    console.log(`reindexed ${indexed} records into ${liveIndex(config.SEARCH_INDEX_PREFIX)} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    bar?.stop();
    await meili.stop();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
