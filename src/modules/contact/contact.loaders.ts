import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader } from '../../db/loaders';
import { Contact } from './contact.entity';

export function contactLoaders(em: EntityManager) {
  return { contactsByProject: childrenLoader(em, Contact, 'project', { orderBy: { id: 'asc' } }) };
}
