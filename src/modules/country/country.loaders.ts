import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader } from '../../db/loaders';
import { Country } from './country.entity';

export function countryLoaders(em: EntityManager) {
  return { countryByCode: byKeyLoader(em, Country, 'code') };
}
