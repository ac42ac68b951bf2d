import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, Options } from '@mikro-orm/postgresql';
import { entities } from './entities';

export const migrationsPath = path.join(__dirname, 'migrations');

/** `debug` receives every SQL statement; tests use it to count queries. */
export function ormConfig(clientUrl: string, onQuery?: (sql: string) => void): Options {
  return defineConfig({
    clientUrl,
    entities,
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: 10 },
    debug: onQuery ? ['query'] : false,
    logger: onQuery ?? (() => undefined),
  });
}
