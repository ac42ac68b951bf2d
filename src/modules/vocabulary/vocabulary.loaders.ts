import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader } from '../../db/loaders';
import { Sector, Theme } from './vocabulary.entity';

export function vocabularyLoaders(em: EntityManager) {
  return { themeById: byKeyLoader(em, Theme), sectorById: byKeyLoader(em, Sector) };
}
