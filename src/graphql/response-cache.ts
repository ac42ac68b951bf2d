import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Client } from 'pg';
import type { Logger } from '../logger';
import type { Context } from './context';

/** The channel the data-change triggers (see migrations) notify on commit. */
export const DATA_CHANGED_CHANNEL = 'clusterbase_data_changed';

export interface ResponseCache {
  plugins: ApolloServerPlugin<Context>[];
  /** Increases on every committed data change; a request caches only if it did not change meanwhile. */
  generation(): number;
  stop(): Promise<void>;
}

/**
 * Whole-response cache for anonymous queries. PostgreSQL triggers NOTIFY on every committed change
 * to published data, from any process (API, seed, import); the cache is flushed when the
 * notification arrives, and a response computed across a change is not stored (the generation
 * check), so a reader never gets data older than the last committed write it could have seen.
 * While the LISTEN connection is down nothing is read from or written to the cache.
 */
export async function startResponseCache(
  databaseUrl: string,
  logger: Logger,
  options: { maxAgeSeconds: number; maxBytes: number },
): Promise<ResponseCache> {
  const cache = new InMemoryLRUCache<string>({ maxSize: options.maxBytes });
  let generation = 0;
  let listening = false;
  let stopped = false;
  let listener: Client | undefined;

  const invalidate = () => {
    generation++;
    cache.clear();
  };
  const connect = async (): Promise<void> => {
    const client = new Client({ connectionString: databaseUrl });
    client.on('notification', invalidate);
    client.on('error', (error) => {
      logger.warn({ err: error.message }, 'response cache: LISTEN connection lost; caching paused');
      listening = false;
      invalidate();
      client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${DATA_CHANGED_CHANNEL}`);
    listener = client;
    invalidate();
    listening = true;
  };
  await connect();

  /** A client reads its own writes: an API mutation flushes as soon as it answers, before the NOTIFY arrives. */
  const flushAfterMutations: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') invalidate();
        },
      };
    },
  };
  const cacheable = async ({ contextValue }: { contextValue: Context }) => listening && !contextValue.viewer;
  return {
    plugins: [
      flushAfterMutations,
      ApolloServerPluginCacheControl({ defaultMaxAge: options.maxAgeSeconds, calculateHttpHeaders: false }),
      responseCachePlugin<Context>({
        cache,
        sessionId: async ({ contextValue }) => (contextValue.viewer ? `account:${contextValue.viewer.accountId}` : null),
        shouldReadFromCache: cacheable,
        shouldWriteToCache: async (request) => (await cacheable(request)) && request.contextValue.cacheGeneration === generation,
      }),
    ],
    generation: () => generation,
    stop: async () => {
      stopped = true;
      await listener?.end();
    },
  };
}
