import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery, FindOptions, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { rowMapper } from './row-mapper';

/**
 * Generic batch loaders: every relation field resolves through one of these, so a list of N parents
 * costs one SQL statement per relation, not N. A loader lives for one request (cache = request).
 */

type Key = number | string;

// Loaders only read, so they build their SQL with the ORM but map the rows themselves
// (row-mapper.ts): hydration was the largest CPU cost of list pages. Writes load what they change.

/**
 * Rows of `entity` matching `where` and, when given, whose `keys.property` is one of `keys.values`,
 * as read-only entities, in one statement. The key list goes in as SQL, not as an ORM `$in`
 * condition, which the query builder would turn into one criteria object per value.
 */
export async function readRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy?: QueryOrderMap<T>,
  keys?: { property: string; values: readonly Key[] },
): Promise<T[]> {
  const qb = em.createQueryBuilder(entity, 'e').select('*').where(where);
  if (keys) {
    const column = em.getMetadata().get(entity.name).properties[keys.property as never].fieldNames[0];
    qb.andWhere(`e.${column} in (${keys.values.map(() => '?').join(', ')})`, [...keys.values]);
  }
  if (orderBy) qb.orderBy(orderBy);
  return readQuery(em, entity, qb);
}

/** Runs a query builder's statement and maps its rows to read-only entities (see row-mapper.ts). */
export async function readQuery<T extends object>(em: EntityManager, entity: EntityClass<T>, qb: QueryBuilder<T>): Promise<T[]> {
  const rows = await qb.execute<Record<string, unknown>[]>('all', false);
  return rows.map(rowMapper(em, entity));
}

function refKey(value: unknown): Key {
  if (value && typeof value === 'object') {
    const entity = value as { id?: Key; code?: Key };
    return (entity.id ?? entity.code) as Key;
  }
  return value as Key;
}

/** Loads entities by primary key (`id`, or `code` for code-keyed tables). */
export function byKeyLoader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  keyField: 'id' | 'code' = 'id',
): DataLoader<Key, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await readRows(em, entity, {} as FilterQuery<T>, undefined, { property: keyField, values: keys });
    const byKey = new Map(rows.map((row) => [refKey((row as Record<string, unknown>)[keyField]), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Loads the children of many parents at once, grouped by the parent's key held in `foreignKey`. */
export function childrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  options: FindOptions<T, string> & { where?: FilterQuery<T> } = {},
): DataLoader<Key, T[]> {
  const { where, ...findOptions } = options;
  return new DataLoader(async (keys) => {
    // Populated relations need the ORM's hydration; plain children take the fast path.
    const rows = findOptions.populate
      ? await em.find(entity, { [foreignKey]: { $in: [...keys] }, ...(where as object) } as FilterQuery<T>, {
          ...(findOptions as object),
          disableIdentityMap: true,
        } as FindOptions<T>)
      : await readRows(em, entity, (where ?? {}) as FilterQuery<T>, findOptions.orderBy as QueryOrderMap<T> | undefined, {
          property: foreignKey,
          values: keys,
        });
    const grouped = new Map<Key, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) grouped.get(refKey((row as Record<string, unknown>)[foreignKey]))?.push(row);
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

/**
 * Loads the far side of a pivot table (e.g. project → themes through project_theme) with one joined
 * statement per batch, in the far side's key order.
 */
export function throughPivotLoader<P extends object, T extends object>(
  em: EntityManager,
  pivot: EntityClass<P>,
  ownerField: keyof P & string,
  targetField: keyof P & string,
): DataLoader<Key, T[]> {
  const meta = em.getMetadata().get(pivot.name);
  const ownerColumn = meta.properties[ownerField as never].fieldNames[0];
  const target = meta.properties[targetField as never];
  const targetMeta = target.targetMeta!;
  const targetKey = targetMeta.properties[targetMeta.primaryKeys[0] as never].fieldNames[0];
  const mapTarget = rowMapper(em, targetMeta.class as EntityClass<T>);
  return new DataLoader(async (keys) => {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `select t.*, p.${ownerColumn} as __owner from ${meta.tableName} p join ${targetMeta.tableName} t on t.${targetKey} = p.${target.fieldNames[0]}
        where p.${ownerColumn} in (${keys.map(() => '?').join(', ')}) order by p.${ownerColumn}, t.${targetKey}`,
      [...keys],
    );
    const grouped = new Map<Key, T[]>(keys.map((key) => [key, []]));
    for (const { __owner, ...columns } of rows) grouped.get(__owner as Key)?.push(mapTarget(columns));
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * One page of children for many parents in a single statement (row_number() over the parent), so a
 * nested connection on a list costs one query per nesting level, not one per parent.
 * `source` is SQL selecting the child table's columns plus `__parent`, filtered with
 * `__parent in (:parents)`; `orderBy` orders within a parent and must end with a unique column.
 */
export function pagedChildrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  source: string,
  orderBy: string,
): (window: PageWindow) => DataLoader<Key, T[]> {
  const byWindow = new Map<string, DataLoader<Key, T[]>>();
  const mapRow = rowMapper(em, entity);
  return (window) => {
    const cacheKey = `${window.limit}:${window.offset}`;
    let loader = byWindow.get(cacheKey);
    if (!loader) {
      loader = new DataLoader(async (keys) => {
        const parents = keys.map(() => '?').join(', ');
        const sql = `select * from (select s.*, row_number() over (partition by s.__parent order by ${orderBy}) as __rn
          from (${source.replace(':parents', parents)}) s) w where w.__rn > ? and w.__rn <= ? order by w.__parent, w.__rn`;
        const rows = await em.getConnection().execute<Record<string, unknown>[]>(sql, [...keys, window.offset, window.offset + window.limit]);
        const grouped = new Map<Key, T[]>(keys.map((key) => [key, []]));
        for (const { __parent, __rn: _rn, ...columns } of rows) {
          grouped.get(__parent as Key)?.push(mapRow(columns));
        }
        return keys.map((key) => grouped.get(key) ?? []);
      });
      byWindow.set(cacheKey, loader);
    }
    return loader;
  };
}

/** Counts of children per parent for the same `source` as a paged loader, in one grouped statement. */
export function childCountLoader(em: EntityManager, source: string): DataLoader<Key, number> {
  return new DataLoader(async (keys) => {
    const parents = keys.map(() => '?').join(', ');
    const rows = await em
      .getConnection()
      .execute<{ parent: Key; n: string }[]>(`select s.__parent as parent, count(*) as n from (${source.replace(':parents', parents)}) s group by s.__parent`, [...keys]);
    const counts = new Map(rows.map((row) => [row.parent, Number(row.n)]));
    return keys.map((key) => counts.get(key) ?? 0);
  });
}
