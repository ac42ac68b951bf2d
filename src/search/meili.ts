import type * as MeiliModule from 'meilisearch' with { 'resolution-mode': 'import' };

/**
 * meilisearch ships as an ES module only. Node >= 20.19 require()s it natively; jest needs it
 * transformed (transformIgnorePatterns in jest.config.js). A static import would not compile
 * under module node16 for this CommonJS project.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const meili = require('meilisearch') as typeof MeiliModule;

export type Meilisearch = MeiliModule.Meilisearch;
export type Settings = MeiliModule.Settings;
export type Task = MeiliModule.Task;
export type MultiSearchQuery = MeiliModule.MultiSearchQuery;
export const { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } = meili;

export interface MeiliConnection {
  url: string;
  masterKey: string;
}

/** Searches give up quickly so an unreachable server is a fast SERVICE_UNAVAILABLE, never a hang. */
export const SEARCH_TIMEOUT_MS = 2000;
/** Indexing requests carry whole batches of documents. */
const ADMIN_TIMEOUT_MS = 30_000;

export interface MeiliClients {
  /** For queries: short timeout. */
  search: Meilisearch;
  /** For documents, settings, tasks and swaps. */
  admin: Meilisearch;
}

export function createMeiliClients(conn: MeiliConnection): MeiliClients {
  const make = (timeout: number) => new meili.Meilisearch({ host: conn.url, apiKey: conn.masterKey, timeout });
  return { search: make(SEARCH_TIMEOUT_MS), admin: make(ADMIN_TIMEOUT_MS) };
}

/** Waits for a task and turns a failed or canceled task into an error. */
export async function waitForTask(client: Meilisearch, taskUid: number, timeoutMs = 120_000): Promise<Task> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: timeoutMs, interval: 50 });
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${taskUid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
  }
  return task;
}
