import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { SearchService } from '../search/search.service';
import { createLoaders, Loaders } from './loaders';

/** Who is asking. Null for anonymous readers. */
export interface Viewer {
  accountId: number;
  role: 'PARTNER' | 'EDITOR' | 'ADMIN';
  organisationId: number | null;
  /** The API token the request was signed with (rate limits are per token). */
  tokenId?: number;
}

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  /** The `Idempotency-Key` request header, used when a mutation input has no `idempotencyKey`. */
  idempotencyKey?: string;
  /** Absent when search is not configured (e.g. tests that do not need it): search answers SERVICE_UNAVAILABLE. */
  search?: SearchService;
  /** The response cache's generation when the request began (see graphql/response-cache.ts). */
  cacheGeneration?: number;
}

export function createContext(em: EntityManager, logger: Logger, requestId: string, viewer: Viewer | null, search?: SearchService): Context {
  const requestEm = em.fork();
  let loaders: Loaders | undefined;
  return {
    em: requestEm,
    // Built on first use: a response-cache hit runs no resolver and needs none of them.
    get loaders() {
      return (loaders ??= createLoaders(requestEm, viewer));
    },
    viewer,
    requestId,
    logger: logger.child({ requestId }),
    search,
  };
}
