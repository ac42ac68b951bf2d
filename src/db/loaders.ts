import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Generic batch loaders: every relation field resolves through one of these, so a list of N parents
 * costs one SQL statement per relation, not N. A loader lives for one request (cache = request).
 */

type Key = number | string;

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
    const rows = await em.find(entity, { [keyField]: { $in: [...keys] } } as FilterQuery<T>);
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
    const filter = { [foreignKey]: { $in: [...keys] }, ...(where as object) } as FilterQuery<T>;
    const rows = await em.find(entity, filter, findOptions as FindOptions<T>);
    const grouped = new Map<Key, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) grouped.get(refKey((row as Record<string, unknown>)[foreignKey]))?.push(row);
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

/**
 * Loads the far side of a pivot table (e.g. project → themes through project_theme) with one joined
 * statement per batch.
 */
export function throughPivotLoader<P extends object, T extends object>(
  em: EntityManager,
  pivot: EntityClass<P>,
  ownerField: keyof P & string,
  targetField: keyof P & string,
  where: FilterQuery<P> = {} as FilterQuery<P>,
): DataLoader<Key, T[]> {
  return new DataLoader(async (keys) => {
    const filter = { [ownerField]: { $in: [...keys] }, ...(where as object) } as FilterQuery<P>;
    const rows = await em.find(pivot, filter, { populate: [targetField] as never[] });
    const grouped = new Map<Key, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      grouped.get(refKey(record[ownerField]))?.push(record[targetField] as T);
    }
    return keys.map((key) => grouped.get(key) ?? []);
  });
}
