import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { execFileSync } from 'node:child_process';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/logger';
import { findFreePort } from '../src/shared/net';

/**
 * Real PostgreSQL for the whole run: TEST_DATABASE_URL when set, otherwise an embedded server in a
 * temp dir. One migrated + seeded template database is built here; each test file copies it
 * (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other's writes.
 */
export default async function globalSetup(): Promise<void> {
  const logger = createLogger('warn');
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clusterbase-test-pg-'));
    const pg = await startEmbeddedPostgres(dir, await findFreePort(), logger);
    (globalThis as { __embeddedPg?: { stop(): Promise<void> } }).__embeddedPg = pg;
    adminUrl = pg.url('postgres');
  }
  const template = `cb_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();

  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'support', 'prepare-template.ts'), withDatabase(adminUrl, template)], {
    stdio: 'inherit',
  });

  process.env.CB_TEST_ADMIN_URL = adminUrl;
  process.env.CB_TEST_TEMPLATE = template;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

