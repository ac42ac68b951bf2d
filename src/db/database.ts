import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm.config';

export async function connectOrm(url: string, onQuery?: (sql: string) => void): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url, onQuery));
}

/** Applies every pending committed migration; the schema never changes any other way. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<number> {
  return (await orm.getMigrator().getPendingMigrations()).length;
}
