import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, childCountLoader, pagedChildrenLoader } from '../../db/loaders';
import { Organisation } from './organisation.entity';

export function organisationLoaders(em: EntityManager) {
  const byCountry = 'select o.*, o.country_code as __parent from organisation o where o.country_code in (:parents)';
  return {
    organisationById: byKeyLoader(em, Organisation),
    organisationsByCountry: {
      page: pagedChildrenLoader(em, Organisation, byCountry, 's.name, s.id'),
      count: childCountLoader(em, byCountry),
    },
  };
}
