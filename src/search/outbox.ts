import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEARCHABLE_TYPES, SearchableType, TABLES } from './documents';
import { syncRecords, writeTargets } from './indexer';
import type { Meilisearch } from './meili';
import { OutboxOperation, SearchOutbox } from './outbox.entity';

/**
 * Records that a searchable record changed. Call it in the same transaction (unit of work) as the
 * change: it persists an outbox row that the caller's flush/commit writes together with the data.
 * The operation is informational; the worker always re-reads the record's current state.
 */
export function enqueueSearchUpdate(
  em: EntityManager,
  entityType: SearchableType,
  entityId: number,
  operation: OutboxOperation = OutboxOperation.UPSERT,
): void {
  const row = new SearchOutbox();
  Object.assign(row, { entityType, entityId, operation });
  em.persist(row);
}

/** Queues every searchable record (after seeding or a bulk import); one statement. */
export async function enqueueAll(em: EntityManager): Promise<void> {
  const selects = SEARCHABLE_TYPES.map((t) => `select '${t}', id, 'UPSERT' from ${TABLES[t]}`);
  await em.execute(`insert into search_outbox (entity_type, entity_id, operation) ${selects.join(' union all ')}`);
}

export interface OutboxLag {
  pending: number;
  /** Age of the oldest pending change; 0 when none. */
  oldestSeconds: number;
}

export async function outboxLag(em: EntityManager): Promise<OutboxLag> {
  const [row] = await em.execute<{ pending: string; oldest: string | null }[]>(
    `select count(*) as pending, extract(epoch from now() - min(created_at)) as oldest from search_outbox`,
  );
  return { pending: Number(row.pending), oldestSeconds: Math.round(Number(row.oldest ?? 0)) };
}

/**
 * Search documents embed facts of other records: a project's acronym, themes and countries appear
 * in its outputs, practices, policies, documents and partners; an organisation's country in its
 * projects. A change re-syncs those too (one level deep).
 */
async function withDependents(em: EntityManager, byType: Map<SearchableType, Set<number>>): Promise<void> {
  const add = (type: SearchableType, ids: number[]) => {
    if (!byType.has(type)) byType.set(type, new Set());
    for (const id of ids) byType.get(type)!.add(id);
  };
  const projects = [...(byType.get('Project') ?? [])];
  const organisations = [...(byType.get('Organisation') ?? [])];
  if (!projects.length && !organisations.length) return;
  const p = `{${projects.join(',')}}`;
  const o = `{${organisations.join(',')}}`;
  const rows = await em.execute<{ type: SearchableType; id: number }[]>(
    `select 'Output' as type, id from output where project_id = any(?::int[])
     union select 'BestPractice', id from best_practice where project_id = any(?::int[])
     union select 'Policy', policy_id from policy_project where project_id = any(?::int[])
     union select 'Document', document_id from document_project where project_id = any(?::int[])
     union select 'Organisation', organisation_id from participation where project_id = any(?::int[])
     union select 'Project', project_id from participation where organisation_id = any(?::int[])`,
    [p, p, p, p, p, o],
  );
  for (const r of rows) add(r.type, [r.id]);
}

export interface OutboxWorkerOptions {
  orm: MikroORM;
  client: Meilisearch;
  indexPrefix: string;
  logger: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
  /** Idle polling interval. */
  pollMs?: number;
  batchSize?: number;
  /** Retry delay cap; the delay doubles per attempt from 1 s. */
  maxBackoffMs?: number;
  /** Runs (retried with the same backoff) before the first batch, e.g. applying index settings. */
  prepare?: () => Promise<unknown>;
}

export interface OutboxWorker {
  /** Resolves once the batch in progress, if any, has finished. */
  stop(): Promise<void>;
  lag(): Promise<OutboxLag>;
  /** Processes what is due now (tests, reindex catch-up); resolves with the rows handled. */
  drain(): Promise<number>;
}

interface ClaimedRow {
  id: string;
  entity_type: string;
  entity_id: number;
  attempts: number;
}

/**
 * Applies outbox rows to Meilisearch in the API process. Rows are claimed with FOR UPDATE SKIP
 * LOCKED inside a transaction (several processes may run workers), duplicates for one record are
 * coalesced, the record's current state is re-read and sent as a full document, and the rows are
 * deleted only once Meilisearch reports the task succeeded. On failure the rows get an exponential
 * backoff (available_at) and the error, and are retried; nothing is lost while Meilisearch is down.
 */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const pollMs = opts.pollMs ?? 500;
  const batchSize = opts.batchSize ?? 200;
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  const wake = new AbortController();

  const processBatch = () =>
    opts.orm.em.fork().transactional(async (em) => {
      const rows = await em.execute<ClaimedRow[]>(
        `select id, entity_type, entity_id, attempts from search_outbox
          where available_at <= now() order by id limit ? for update skip locked`,
        [batchSize],
      );
      if (!rows.length) return 0;
      const byType = new Map<SearchableType, Set<number>>();
      for (const r of rows) {
        const type = r.entity_type as SearchableType;
        if (!SEARCHABLE_TYPES.includes(type)) continue;
        if (!byType.has(type)) byType.set(type, new Set());
        byType.get(type)!.add(r.entity_id);
      }
      const ids = rows.map((r) => r.id);
      try {
        await withDependents(em, byType);
        const targets = await writeTargets(opts.client, opts.indexPrefix);
        for (const [type, set] of byType) await syncRecords(em, opts.client, targets, type, [...set]);
        await em.execute(`delete from search_outbox where id = any(?::bigint[])`, [`{${ids.join(',')}}`]);
      } catch (err) {
        const message = (err as Error).message?.slice(0, 2000) ?? String(err);
        await em.execute(
          `update search_outbox
              set attempts = attempts + 1, last_error = ?,
                  available_at = now() + least(? * power(2, attempts), ?) * interval '1 millisecond' * (0.75 + random() / 2)
            where id = any(?::bigint[])`,
          [message, 1000, maxBackoffMs, `{${ids.join(',')}}`],
        );
        opts.logger.warn({ err: message, rows: rows.length }, 'search outbox: Meilisearch update failed; will retry');
      }
      return rows.length;
    });

  const drain = async () => {
    let total = 0;
    for (let n = await processBatch(); n > 0; n = await processBatch()) total += n;
    return total;
  };

  void (async () => {
    for (let attempt = 0; opts.prepare && !stopped; attempt++) {
      try {
        await opts.prepare();
        break;
      } catch (err) {
        opts.logger.warn({ err: (err as Error).message }, 'search outbox: Meilisearch not ready; retrying');
        await sleep(Math.min(1000 * 2 ** attempt, maxBackoffMs), undefined, { signal: wake.signal }).catch(() => undefined);
      }
    }
    while (!stopped) {
      running = drain().catch((err) => {
        opts.logger.error({ err }, 'search outbox: batch failed');
        return 0;
      });
      await running;
      if (!stopped) await sleep(pollMs, undefined, { signal: wake.signal }).catch(() => undefined);
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake.abort();
      await running;
    },
    lag: () => outboxLag(opts.orm.em.fork()),
    drain: async () => {
      await running;
      return drain();
    },
  };
}
