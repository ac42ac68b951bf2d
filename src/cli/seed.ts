/**
 * `npm run seed`: validates seeds/ and loads it idempotently into DATABASE_URL (or the embedded
 * database). Exits non-zero, writing nothing, when any record is invalid.
 */
import 'reflect-metadata';
import { startDatabase } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { loadSeeds, SeedValidationError } from '../seed/seed.loader';

async function main(): Promise<void> {
  const config = { ...loadConfig(), SEED_ON_EMPTY: false };
  const logger = createLogger(config.LOG_LEVEL);
  const database = await startDatabase(config, logger);
  try {
    const summary = await loadSeeds(database.orm.em.fork(), config.SEEDS_DIR);
    logger.info(summary, 'seeds loaded');
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedValidationError || error instanceof Error ? error.message : error);
  process.exit(1);
});
