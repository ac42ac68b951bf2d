import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Claim } from './claim.entity';

/** Claims of many records of one type at once; key = "<Type>:<id>". */
export function claimLoaders(em: EntityManager) {
  return {
    claimsBySubject: new DataLoader<string, Claim[]>(async (keys) => {
      const bySubject = new Map<string, Claim[]>(keys.map((key) => [key, []]));
      const idsByType = new Map<string, number[]>();
      for (const key of keys) {
        const [type, id] = key.split(':');
        idsByType.set(type, [...(idsByType.get(type) ?? []), Number(id)]);
      }
      const rows = await em.find(
        Claim,
        { $or: [...idsByType].map(([subjectType, ids]) => ({ subjectType, subjectId: { $in: ids } })) },
        { orderBy: { field: 'asc', shown: 'desc', id: 'asc' } },
      );
      for (const row of rows) bySubject.get(`${row.subjectType}:${row.subjectId}`)?.push(row);
      return keys.map((key) => bySubject.get(key) ?? []);
    }),
  };
}
