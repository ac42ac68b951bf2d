import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader } from '../../db/loaders';
import { Organisation } from './organisation.entity';

export function organisationLoaders(em: EntityManager) {
  return { organisationById: byKeyLoader(em, Organisation) };
}
