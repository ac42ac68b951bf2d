import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import { readRows } from '../src/db/loaders';
import { createSeededDatabase, TestDatabase } from './search-helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createSeededDatabase();
}, 120_000);
afterAll(() => db?.dispose());

/** What a reader can observe of an entity: scalars, embedded values, and the key of each many-to-one. */
function observable(meta: EntityMetadata, entity: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (prop.embedded || prop.persist === false) continue;
    const value = entity[prop.name];
    if (prop.kind === ReferenceKind.SCALAR) out[prop.name] = value instanceof Date ? value.toISOString() : value;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE) out[prop.name] = value == null ? null : (value as Record<string, unknown>)[prop.targetMeta!.primaryKeys[0]];
    else if (prop.kind === ReferenceKind.EMBEDDED) out[prop.name] = value == null ? null : { ...(value as object) };
  }
  return out;
}

describe('read-only row mapping', () => {
  it('gives every entity of the seeded database the class and values the ORM gives it', async () => {
    const metas = Object.values(db.orm.getMetadata().getAll()).filter((meta) => !meta.embeddable && !meta.abstract && meta.class);
    let compared = 0;
    for (const meta of metas) {
      const em = db.orm.em.fork();
      const orderBy = Object.fromEntries(meta.primaryKeys.map((key) => [key, 'asc'])) as never;
      const orm = await em.find(meta.class, {}, { orderBy, disableIdentityMap: true, limit: 200 });
      const ours = (await readRows(em, meta.class, {}, orderBy)).slice(0, 200);
      expect(ours.every((e) => e instanceof meta.class && e.constructor === meta.class)).toBe(true);
      expect(ours.map((e) => observable(meta, e as Record<string, unknown>))).toEqual(orm.map((e) => observable(meta, e as Record<string, unknown>)));
      compared += orm.length;
    }
    // The seeds fill most tables; an empty comparison would prove nothing.
    expect(compared).toBeGreaterThan(500);
  });
});
