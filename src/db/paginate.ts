import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConnectionShape, pageWindow, toConnection } from '../graphql/connection';

/** One page of a root list: LIMIT/OFFSET on the ordered query, and a count only if asked for. */
export async function findConnection<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>[],
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<T>> {
  const window = pageWindow(page);
  const rows =
    window.limit === 0
      ? []
      : await em.find(entity, where, { orderBy, limit: window.limit + 1, offset: window.offset, disableIdentityMap: true });
  return toConnection(rows, window, () => em.count(entity, where));
}
