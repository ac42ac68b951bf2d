/**
 * Schema changes go through committed migrations only.
 *   npm run migration:create   diff the entities against a database at the latest migration and write a new one
 *   npm run migration:up       apply pending migrations
 * Both use DATABASE_URL (any scratch database works for `create`).
 */
import 'reflect-metadata';
import { connectOrm, migrate } from '../db/database';
import { migrationsPath } from '../db/orm.config';

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a scratch database');
  const orm = await connectOrm(url);
  try {
    await migrate(orm);
    if (command === 'create') {
      const result = await orm.getMigrator().createMigration(migrationsPath);
      console.log(result.fileName ? `wrote ${result.fileName}` : 'entities and migrations agree: nothing to write');
    } else if (command !== 'up') {
      throw new Error(`unknown command "${command}" (expected create or up)`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
