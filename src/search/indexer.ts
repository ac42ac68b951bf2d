import type { EntityManager } from '@mikro-orm/postgresql';
import { buildDocuments, countRecords, idsAfter, SEARCHABLE_TYPES, SearchableType, searchUid, TABLES } from './documents';
import { Meilisearch, waitForTask } from './meili';
import { applySettings } from './settings';

/** The live index every search reads. */
export function liveIndex(prefix: string): string {
  return `${prefix}records`;
}

/** The index a running reindex fills; the outbox worker writes to it too so no change is lost. */
export function nextIndex(prefix: string): string {
  return `${prefix}records_next`;
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
    throw err;
  }
}

/**
 * Brings `ids` of one type in `indexUids` to their current PostgreSQL state: full-document
 * upserts for the records that exist and are public, deletes for the others. Resolves once
 * Meilisearch has applied both (a failed task throws).
 */
export async function syncRecords(
  em: EntityManager,
  client: Meilisearch,
  indexUids: string[],
  type: SearchableType,
  ids: number[],
): Promise<void> {
  const docs = await buildDocuments(em, type, ids);
  const present = new Set(docs.map((d) => d.entityId));
  const gone = ids.filter((id) => !present.has(id)).map((id) => searchUid(type, id));
  const tasks: number[] = [];
  for (const uid of indexUids) {
    const index = client.index(uid);
    if (docs.length) tasks.push((await index.addDocuments(docs, { primaryKey: 'uid' })).taskUid);
    if (gone.length) tasks.push((await index.deleteDocuments(gone)).taskUid);
  }
  for (const task of tasks) await waitForTask(client, task);
}

/** The indexes a change must reach: the live one, and the one a reindex is building, if any. */
export async function writeTargets(client: Meilisearch, prefix: string): Promise<string[]> {
  return (await indexExists(client, nextIndex(prefix))) ? [liveIndex(prefix), nextIndex(prefix)] : [liveIndex(prefix)];
}

export interface ReindexProgress {
  total: number;
  done: number;
  type: SearchableType | 'swap';
}

const REINDEX_BATCH = 500;
/**
 * Batches queued at Meilisearch while the next ones are built: it merges consecutive additions into
 * one indexing run, and building documents (language detection, transliteration) overlaps indexing.
 */
const REINDEX_TASKS_IN_FLIGHT = 8;

/**
 * Rebuilds the whole index from PostgreSQL into a fresh index with current settings and swaps it
 * in atomically: searches see the old index until the swap and the new one after, never an empty
 * one. Changes committed while it runs reach the fresh index through the outbox worker (it writes
 * to both), and records updated since the start are re-queued after the swap to cover a change
 * that landed between reading a batch and indexing it.
 */
export async function reindexAll(
  em: EntityManager,
  client: Meilisearch,
  prefix: string,
  onProgress: (p: ReindexProgress) => void = () => undefined,
): Promise<{ indexed: number }> {
  const live = liveIndex(prefix);
  const next = nextIndex(prefix);
  const [{ now: startedAt }] = await em.getConnection().execute<{ now: Date }[]>('select now()');
  // A leftover from a crashed run holds stale documents.
  if (await indexExists(client, next)) await waitForTask(client, (await client.deleteIndex(next)).taskUid);
  await applySettings(client, live);
  await applySettings(client, next);

  const total = await countRecords(em);
  let done = 0;
  onProgress({ total, done, type: SEARCHABLE_TYPES[0] });
  const inFlight: number[] = [];
  for (const type of SEARCHABLE_TYPES) {
    for (let after = 0; ; ) {
      const ids = await idsAfter(em, type, after, REINDEX_BATCH);
      if (!ids.length) break;
      const docs = await buildDocuments(em, type, ids);
      if (docs.length) inFlight.push((await client.index(next).addDocuments(docs, { primaryKey: 'uid' })).taskUid);
      if (inFlight.length >= REINDEX_TASKS_IN_FLIGHT) await waitForTask(client, inFlight.shift()!);
      after = ids[ids.length - 1];
      done += ids.length;
      onProgress({ total, done, type });
    }
  }
  for (const task of inFlight) await waitForTask(client, task);
  onProgress({ total, done, type: 'swap' });
  await waitForTask(client, (await client.swapIndexes([{ indexes: [live, next], rename: false }])).taskUid);
  // After the swap `next` holds the old documents.
  await waitForTask(client, (await client.deleteIndex(next)).taskUid);
  await requeueChangedSince(em, startedAt);
  return { indexed: done };
}

async function requeueChangedSince(em: EntityManager, since: Date): Promise<void> {
  const selects = SEARCHABLE_TYPES.map((t) => `select '${t}', id, 'UPSERT' from ${TABLES[t]} where updated_at >= ?`);
  await em
    .getConnection()
    .execute(`insert into search_outbox (entity_type, entity_id, operation) ${selects.join(' union all ')}`, SEARCHABLE_TYPES.map(() => since));
}
