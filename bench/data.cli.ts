/** `npm run bench:data -- --scale 10k`: see generate.ts. */
import 'reflect-metadata';
import { createLogger } from '../src/logger';
import { generate } from './generate';
import { argument, benchDatabase, benchSearch, reindexBench } from './lib/services';

async function main(): Promise<void> {
  const scale = argument('scale', '1k')!;
  const logger = createLogger('info');
  const database = await benchDatabase(scale, logger);
  try {
    const result = await generate(database.url, scale);
    console.log(`loaded ${result.projects} projects and ${result.organisations} organisations into ${new URL(database.url).pathname.slice(1)} in ${result.seconds.toFixed(1)} s`);
    const search = await benchSearch(scale, logger);
    try {
      const index = await reindexBench(database.url, search);
      console.log(`indexed ${index.indexed} records for search in ${index.seconds.toFixed(1)} s`);
    } finally {
      await search.stop();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
