import type { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { countRecords } from './documents';
import { liveIndex } from './indexer';
import { createMeiliClients, MeiliClients, MeiliConnection } from './meili';
import { startEmbeddedMeili } from './meili-server';
import { enqueueAll, OutboxLag, startOutboxWorker } from './outbox';
import { SearchService } from './search.service';
import { applySettings } from './settings';

export interface SearchStatus extends OutboxLag {
  meilisearch: 'available' | 'unreachable';
}

export interface SearchRuntime {
  service: SearchService;
  clients: MeiliClients;
  indexPrefix: string;
  /** For /readyz: index lag and whether Meilisearch answers. */
  status(): Promise<SearchStatus>;
  /** Applies every outbox row due now (tests). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** MEILI_URL + MEILI_MASTER_KEY for an external server, else the embedded one under DATA_DIR. */
export async function connectMeili(
  config: Pick<Config, 'MEILI_URL' | 'MEILI_MASTER_KEY' | 'DATA_DIR'>,
  logger: Logger,
): Promise<MeiliConnection & { stop(): Promise<void> }> {
  if (config.MEILI_URL) {
    if (!config.MEILI_MASTER_KEY) throw new Error('MEILI_URL is set but MEILI_MASTER_KEY is not');
    return { url: config.MEILI_URL, masterKey: config.MEILI_MASTER_KEY, stop: async () => undefined };
  }
  return startEmbeddedMeili({ dataDir: path.join(config.DATA_DIR, 'meilisearch'), logger });
}

/**
 * Search for the API process: the query service, and the outbox worker that keeps the index in
 * step with PostgreSQL. Starts even when an external Meilisearch is down (writes still succeed;
 * the worker catches up once it is back). An empty index over a non-empty database is filled
 * by queueing every record.
 */
export async function startSearch(opts: {
  config: Pick<Config, 'MEILI_URL' | 'MEILI_MASTER_KEY' | 'DATA_DIR' | 'SEARCH_INDEX_PREFIX'>;
  orm: MikroORM;
  logger: Logger;
  pollMs?: number;
  maxBackoffMs?: number;
}): Promise<SearchRuntime> {
  const { config, orm, logger } = opts;
  const meili = await connectMeili(config, logger);
  const clients = createMeiliClients(meili);
  const prefix = config.SEARCH_INDEX_PREFIX;
  const live = liveIndex(prefix);

  const prepare = async () => {
    const changed = await applySettings(clients.admin, live);
    if (changed.length) logger.info({ index: live, changed }, 'search index settings applied');
    const { numberOfDocuments } = await clients.admin.index(live).getStats();
    const em = orm.em.fork();
    if (numberOfDocuments === 0 && (await countRecords(em)) > 0) {
      const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from search_outbox');
      if (Number(n) === 0) {
        await enqueueAll(em);
        logger.info({ index: live }, 'search index empty: queued every record');
      }
    }
  };

  const worker = startOutboxWorker({
    orm,
    client: clients.admin,
    indexPrefix: prefix,
    logger,
    pollMs: opts.pollMs,
    maxBackoffMs: opts.maxBackoffMs,
    prepare,
  });

  return {
    service: new SearchService(clients.search, prefix, logger),
    clients,
    indexPrefix: prefix,
    async status() {
      const [lag, healthy] = await Promise.all([worker.lag(), clients.search.isHealthy()]);
      return { ...lag, meilisearch: healthy ? 'available' : 'unreachable' };
    },
    drain: () => worker.drain(),
    async stop() {
      await worker.stop();
      await meili.stop();
    },
  };
}
