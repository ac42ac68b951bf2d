import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader } from '../../db/loaders';
import { Event } from './event.entity';

export function eventLoaders(em: EntityManager) {
  return { eventsByProject: childrenLoader(em, Event, 'project', { orderBy: { date: 'asc', id: 'asc' } }) };
}
