import 'reflect-metadata';
import { startDatabase, startHttp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startSearch } from './search/runtime';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, seeds, then GraphQL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await startDatabase(config, logger);
  const search = await startSearch({ config, orm: database.orm, logger }).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  const http = await startHttp(database.orm, config, logger, config.PORT, search).catch(async (error: unknown) => {
    await search.stop();
    await database.stop();
    throw error;
  });
  logger.info(`Clusterbase GraphQL API ready at ${http.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await http.close();
      await search.stop();
      await database.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
