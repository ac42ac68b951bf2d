/**
 * Migrates and seeds the test template database. Run as its own process by global setup: loading
 * the entities inside Jest's parent process would share ORM metadata with in-band test files.
 */
import 'reflect-metadata';
import path from 'node:path';
import { connectOrm, migrate } from '../../src/db/database';
import { ensureReferenceData } from '../../src/modules/country/country.service';
import { loadSeeds } from '../../src/seed/seed.loader';

async function main(url: string): Promise<void> {
  const orm = await connectOrm(url);
  try {
    await migrate(orm);
    await ensureReferenceData(orm.em.fork());
    await loadSeeds(orm.em.fork(), path.resolve(__dirname, '..', '..', 'seeds'));
  } finally {
    await orm.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
