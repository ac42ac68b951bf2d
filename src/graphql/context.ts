import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { createLoaders, Loaders } from './loaders';

/** Who is asking. Null for anonymous readers. */
export interface Viewer {
  accountId: number;
  role: 'PARTNER' | 'EDITOR' | 'ADMIN';
  organisationId: number | null;
}

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
}

export function createContext(em: EntityManager, logger: Logger, requestId: string, viewer: Viewer | null): Context {
  const requestEm = em.fork();
  return { em: requestEm, loaders: createLoaders(requestEm, viewer), viewer, requestId, logger: logger.child({ requestId }) };
}
